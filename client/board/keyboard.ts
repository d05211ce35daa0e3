import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { OrderDTO } from '../../shared/types.ts';
import { i18nFor, localeStore, t } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { boardStore } from '../store/board.ts';
import { sessionStore } from '../store/session.ts';
import { announce, setMoving, uiStore } from '../store/ui.ts';
import { dropOrder } from './actions.ts';
import { focusCard, focusColumn, focusSibling } from './focus.ts';
import { moveVerdict, statusName, verdictText } from './moves.ts';

/**
 * Moving without a mouse: Space picks the card up, ←/→ choose the column (forbidden ones are
 * announced with the reason), Enter or Space drops, Esc puts it back. ↑/↓ walk the column, Enter opens.
 */
export function handleCardKey(event: TargetedKeyboardEvent<HTMLElement>, order: OrderDTO): void {
  const moving = uiStore.getState().moving;
  const grabbed = moving?.orderId === order.id && moving.via === 'keyboard' ? moving : null;
  const codes = boardStore.getState().statuses.map((s) => s.code);
  const handled = () => {
    event.preventDefault();
    event.stopPropagation();
  };
  switch (event.key) {
    case ' ':
    case 'Enter':
      handled();
      if (grabbed) {
        setMoving(null);
        if (!grabbed.target) return announce(t('move.cancelled'));
        const target = grabbed.target;
        void dropOrder(order.id, target).then(() => {
          const now = boardStore.getState().orders.get(order.id);
          if (now) focusCard(now.id, now.status);
        });
      } else if (event.key === 'Enter') navigate(`/orders/${order.id}`);
      else {
        setMoving({ orderId: order.id, from: order.status, via: 'keyboard', target: null });
        announce(t('move.grabbed', { n: order.number }));
      }
      return;
    case 'ArrowLeft':
    case 'ArrowRight': {
      handled();
      const step = event.key === 'ArrowLeft' ? -1 : 1;
      if (!grabbed) return focusColumn(order, codes, step);
      let index = codes.indexOf(grabbed.target ?? grabbed.from) + step;
      if (codes[index] === grabbed.from) index += step;
      const target = codes[Math.min(codes.length - 1, Math.max(0, index))]!;
      if (target === grabbed.from) return;
      setMoving({ ...grabbed, target });
      const state = boardStore.getState();
      const i18n = i18nFor(localeStore.getState().locale);
      const verdict = moveVerdict(state, sessionStore.getState().me?.user.role ?? 'viewer', order, target);
      announce(t('move.target', { to: statusName(i18n, state, target), verdict: verdictText(i18n, state, verdict) }));
      return;
    }
    case 'ArrowUp':
    case 'ArrowDown':
      handled();
      if (!grabbed) focusSibling(order.id, order.status, event.key === 'ArrowUp' ? -1 : 1);
      return;
    case 'Escape':
      if (grabbed) {
        handled();
        setMoving(null);
        announce(t('move.cancelled'));
      }
      return;
  }
}

/** The person is writing: a key there is text, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/** «/» anywhere on the board but in a field goes to the search box (the slash is not typed). */
export function handleSearchKey(event: KeyboardEvent, search: HTMLInputElement | null): void {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || !search || isTyping(event.target)) return;
  if (document.querySelector('[aria-modal="true"]')) return;
  event.preventDefault();
  search.focus();
  search.select();
}

/**
 * Esc closes the drawer unless something above it takes the key first: a dialog, the ☰ menu, a
 * card being moved; or a field outside the drawer (Esc in the search box clears the search).
 */
function escapeIsTheDrawers(event: KeyboardEvent): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented || uiStore.getState().moving) return false;
  if (document.querySelector('[aria-modal="true"], .topbar--menu-open')) return false;
  return !isTyping(event.target) || (event.target as HTMLElement).closest('.drawer') !== null;
}

export function useEscapeCloses(close: () => void): void {
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!escapeIsTheDrawers(event)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
