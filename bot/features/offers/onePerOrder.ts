/**
 * One run per order at a time: a call during a run queues exactly one more run (which sees
 * everything up to then) and shares its promise, so bursts of events cost at most two runs.
 */
export function onePerOrder(run: (orderId: number) => Promise<void>): (orderId: number) => Promise<void> {
  const running = new Map<number, Promise<void>>();
  const again = new Set<number>();
  return (orderId) => {
    const current = running.get(orderId);
    if (current) {
      again.add(orderId);
      return current;
    }
    const loop = (async () => {
      try {
        do {
          again.delete(orderId);
          await run(orderId);
        } while (again.has(orderId));
      } finally {
        running.delete(orderId);
      }
    })();
    running.set(orderId, loop);
    return loop;
  };
}
