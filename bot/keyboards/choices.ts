import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import { loadReferences } from '../../db/settings/queries.ts';

/** City buttons, two a row; null when the company has no cities. */
export async function cityKeyboard(ctx: BotContext, data: (cityId: number) => string): Promise<InlineKeyboard | null> {
  const { cities } = await loadReferences(ctx.app.ops.db, ctx.app.tenant.id);
  if (cities.length === 0) return null;
  const keyboard = new InlineKeyboard();
  cities.forEach((city, index) => {
    keyboard.text(city.name, data(city.id));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.row();
}

/** Kinds of work, two a row, ✓ on the picked ones; then «Готово» and one more button (back or cancel). */
export async function kindsKeyboard(
  ctx: BotContext,
  picked: number[],
  buttons: { toggle: (kindId: number) => string; done: string; last: { text: string; data: string } },
): Promise<InlineKeyboard> {
  const { kinds } = await loadReferences(ctx.app.ops.db, ctx.app.tenant.id);
  const keyboard = new InlineKeyboard();
  kinds.forEach((kind, index) => {
    keyboard.text(`${picked.includes(kind.id) ? '✓ ' : ''}${kind.name}`, buttons.toggle(kind.id));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(ctx.t.doneButton, buttons.done).row().text(buttons.last.text, buttons.last.data);
}
