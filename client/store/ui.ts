import { slice } from './root.ts';

export interface Filters {
  cityId: number | null;
  kindId: number | null;
  channelId: number | null;
  masterId: number | null;
  /** The staff member who created the order. */
  managerId: number | null;
  /** Only searches nobody took. */
  noTaker: boolean;
  text: string;
}

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** A card being moved: by the mouse (drag) or the keyboard (grab, with the column it points at). */
export interface Moving {
  orderId: number;
  from: string;
  via: 'mouse' | 'keyboard';
  target: string | null;
}

/** `assign`: the master picker (a drop on «Принят в работу»); `redispatch`: taking the order from its master, with a reason. */
export type Dialog = { type: 'cancel' | 'paid' | 'assign' | 'redispatch'; orderId: number } | null;

export interface UiState {
  filters: Filters;
  moving: Moving | null;
  dialog: Dialog;
  toasts: Toast[];
  /** Read out by screen readers (aria-live). */
  announcement: string;
  /** Ticks every minute so card ages stay right. */
  now: number;
}

export const noFilters: Filters = { cityId: null, kindId: null, channelId: null, masterId: null, managerId: null, noTaker: false, text: '' };

export const uiStore = slice<UiState>('ui', () => ({
  filters: noFilters,
  moving: null,
  dialog: null,
  toasts: [],
  announcement: '',
  now: Date.now(),
}));

export const setFilters = (patch: Partial<Filters>) => uiStore.setState((s) => ({ filters: { ...s.filters, ...patch } }));
export const setMoving = (moving: Moving | null) => uiStore.setState({ moving });
export const openDialog = (dialog: Dialog) => uiStore.setState({ dialog });
export const announce = (announcement: string) => uiStore.setState({ announcement });

let nextToast = 1;
export function toast(text: string, kind: Toast['kind'] = 'info', ms = 6000): void {
  const id = nextToast++;
  uiStore.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
  setTimeout(() => dismissToast(id), ms);
}
export const dismissToast = (id: number) => uiStore.setState((s) => ({ toasts: s.toasts.filter((item) => item.id !== id) }));

setInterval(() => uiStore.setState({ now: Date.now() }), 60_000);
