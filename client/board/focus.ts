// Columns are virtualised, so a card to focus may not be in the DOM yet: the column scrolls to it first.
export interface ColumnHandle {
  ids(): number[];
  scrollToIndex(index: number): void;
}

const columns = new Map<string, ColumnHandle>();

export function registerColumn(code: string, handle: ColumnHandle): () => void {
  columns.set(code, handle);
  return () => {
    if (columns.get(code) === handle) columns.delete(code);
  };
}

const cardElement = (orderId: number) => document.querySelector<HTMLElement>(`.card[data-order-id="${orderId}"]`);

/** Scrolls the card's column to it and focuses it once it is rendered. */
export function focusCard(orderId: number, status: string, tries = 10): void {
  const element = cardElement(orderId);
  if (element && element.dataset.status === status) {
    element.focus({ preventScroll: false });
    return;
  }
  const column = columns.get(status);
  const index = column?.ids().indexOf(orderId) ?? -1;
  if (column && index >= 0) column.scrollToIndex(index);
  if (tries > 0) requestAnimationFrame(() => focusCard(orderId, status, tries - 1));
}

/** The card `step` places away in the same column (ArrowUp / ArrowDown). */
export function focusSibling(orderId: number, status: string, step: number): void {
  const ids = columns.get(status)?.ids() ?? [];
  const index = ids.indexOf(orderId);
  const next = ids[Math.min(ids.length - 1, Math.max(0, index + step))];
  if (next !== undefined && next !== orderId) focusCard(next, status);
}

/** The first card of the nearest non-empty column to the left or right. */
export function focusColumn(order: { status: string }, codes: string[], step: number): void {
  for (let i = codes.indexOf(order.status) + step; i >= 0 && i < codes.length; i += step) {
    const first = columns.get(codes[i]!)?.ids()[0];
    if (first !== undefined) return focusCard(first, codes[i]!);
  }
}
