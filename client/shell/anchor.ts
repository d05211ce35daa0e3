/**
 * Brings the section an address's `#anchor` names into view (`/settings#bot` from the first
 * steps). The sections above it load their data after the page opens and push it down, so it is
 * kept in view for a moment, until the person scrolls himself.
 */
export function revealAnchor(hash: string): void {
  const id = decodeURIComponent(hash.slice(1));
  if (!id) return;
  const until = performance.now() + 1500;
  let touched = false;
  const stop = () => (touched = true);
  const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
  for (const name of events) addEventListener(name, stop, { once: true, passive: true });
  const keep = () => {
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
    if (!touched && performance.now() < until) requestAnimationFrame(keep);
    else for (const name of events) removeEventListener(name, stop);
  };
  requestAnimationFrame(keep);
}
