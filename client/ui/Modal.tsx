import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A centred dialog (`wide` for a form with columns); it never outgrows the screen, a long one
 * scrolls inside. Esc or a click outside closes it, focus goes to its first field.
 */
export function Modal({ title, onClose, wide, children }: { title: string; onClose: () => void; wide?: boolean; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  // Before the first paint: focus moved later would pull the cursor out of a field someone (or a
  // browser's autofill) has already started typing in, and the rest of the text lands elsewhere.
  useLayoutEffect(() => {
    if (!box.current?.contains(document.activeElement)) box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class={`modal${wide ? ' modal--wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} ref={box}>
        <h2 class="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
