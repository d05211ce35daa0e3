/**
 * Work the bot started and did not wait for (an update being handled, a side write, a sweep):
 * stopping waits for it to end, so nothing touches the database after the caller closes it.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => void this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once everything tracked has ended, including work started meanwhile. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
