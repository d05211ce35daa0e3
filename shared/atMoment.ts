/**
 * Calls `fire` once the wall clock has reached `at`. A timer may fire a millisecond early by
 * `Date.now()`; a job asking "what is due by now" would then find nothing and wait for its next
 * round, so an early timer waits out the rest.
 */
export function atMoment(at: Date, fire: () => void): { cancel(): void } {
  let timer: ReturnType<typeof setTimeout>;
  const arm = () => {
    timer = setTimeout(() => (Date.now() < at.getTime() ? arm() : fire()), Math.max(0, at.getTime() - Date.now()));
  };
  arm();
  return { cancel: () => clearTimeout(timer) };
}
