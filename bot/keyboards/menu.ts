import { Keyboard } from 'grammy';
import type { MasterRecord } from '../context.ts';
import type { Texts } from '../locales/index.ts';

/** The approved master's main menu, always under the input field. */
export function menuKeyboard(t: Texts, master: Pick<MasterRecord, 'onShift'>): Keyboard {
  return new Keyboard()
    .text(t.menuToday)
    .text(t.menuOrders)
    .row()
    .text(master.onShift ? t.menuOnShift : t.menuOffShift)
    .text(t.menuDebt)
    .row()
    .text(t.menuProfile)
    .resized()
    .persistent();
}
