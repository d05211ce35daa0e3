import { Composer, InlineKeyboard, Keyboard } from 'grammy';
import { masterActor } from '../../db/core/actor.ts';
import { updateOwnProfile, type OwnProfileChange } from '../../db/masters/updateOwnProfile.ts';
import { normalisePhone } from '../../shared/phone.ts';
import { profileButton, type DataOf } from '../callbackData.ts';
import type { BotContext, Flow, MasterRecord } from '../context.ts';
import { displayPhone } from '../format/orders.ts';
import { cityKeyboard, kindsKeyboard } from '../keyboards/choices.ts';
import { menuKeyboard } from '../keyboards/menu.ts';
import { anyLang, textsFor } from '../locales/index.ts';
import { masterLinks } from '../../db/masters/queries.ts';
import { loadReferences } from '../../db/settings/queries.ts';
import { isDomainError, staleTap } from './replies.ts';

// «Профиль»: what the company knows about the master, and edits of name, phone, city,
// kinds of work and language. Each edit is one updateOwnProfile.

export const profileFeature = new Composer<BotContext>();

type Approved = BotContext & { master: MasterRecord };
const approved = profileFeature.filter((ctx): ctx is Approved => ctx.master?.status === 'approved');

approved.hears(anyLang((t) => t.menuProfile), (ctx) => showProfile(ctx));

approved.callbackQuery(profileButton.filter, async (ctx) => {
  const data = profileButton.unpack(ctx.callbackQuery.data);
  if (!data) return staleTap(ctx);
  const flow = ctx.session.flow.kind === 'profile' ? ctx.session.flow : null;
  const { t } = ctx;
  switch (data.action) {
    case 'name':
      ctx.session.flow = { kind: 'profile', field: 'name', kindIds: [] };
      await ctx.answerCallbackQuery();
      return ctx.reply(t.profileNameAsk, { reply_markup: cancelKeyboard(ctx) });
    case 'phone':
      ctx.session.flow = { kind: 'profile', field: 'phone', kindIds: [] };
      await ctx.answerCallbackQuery();
      return ctx.reply(t.profilePhoneAsk, { reply_markup: new Keyboard().requestContact(t.phoneButton).row().text(t.cancelButton).resized().oneTime() });
    case 'city': {
      ctx.session.flow = { kind: 'profile', field: 'city', kindIds: [] };
      const keyboard = await cityKeyboard(ctx, (id) => profileButton.pack({ action: 'pick-city', value: id }));
      await ctx.answerCallbackQuery();
      if (!keyboard) return ctx.reply(t.noCities);
      return ctx.reply(t.profileCityAsk, { reply_markup: keyboard.append(cancelKeyboard(ctx)) });
    }
    case 'kinds': {
      const { kindIds } = await masterLinks(ctx.app.ops.db, ctx.master.id);
      ctx.session.flow = { kind: 'profile', field: 'kinds', kindIds };
      await ctx.answerCallbackQuery();
      return ctx.reply(t.profileKindsAsk, { reply_markup: await profileKinds(ctx, kindIds) });
    }
    case 'lang': {
      await ctx.answerCallbackQuery();
      const master = await save(ctx, { language: ctx.lang === 'ru' ? 'en' : 'ru' });
      if (!master) return;
      const texts = textsFor(master.language);
      return ctx.reply(texts.profileSaved, { reply_markup: menuKeyboard(texts, master) });
    }
    case 'pick-city': {
      if (flow?.field !== 'city') return staleTap(ctx);
      const refs = await loadReferences(ctx.app.ops.db, ctx.app.tenant.id);
      if (!refs.cities.some((city) => city.id === data.value)) return staleTap(ctx);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return saved(ctx, await save(ctx, { cityId: data.value }));
    }
    case 'toggle-kind': {
      if (flow?.field !== 'kinds') return staleTap(ctx);
      const picked = new Set(flow.kindIds);
      if (picked.has(data.value)) picked.delete(data.value);
      else picked.add(data.value);
      flow.kindIds = [...picked];
      await ctx.answerCallbackQuery();
      return ctx.editMessageReplyMarkup({ reply_markup: await profileKinds(ctx, flow.kindIds) });
    }
    case 'kinds-done':
      if (flow?.field !== 'kinds') return staleTap(ctx);
      if (flow.kindIds.length === 0) return ctx.answerCallbackQuery({ text: t.kindsNone });
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return saved(ctx, await save(ctx, { kindIds: flow.kindIds }));
    case 'cancel':
      if (!flow) return staleTap(ctx);
      ctx.session.flow = { kind: 'idle' };
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return ctx.reply(t.editCancelled, { reply_markup: menuKeyboard(t, ctx.master) });
  }
});

approved.on('message:contact', async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow.kind !== 'profile' || flow.field !== 'phone') return next();
  const contact = ctx.message.contact;
  if (contact.user_id !== undefined && contact.user_id !== ctx.from.id) return ctx.reply(ctx.t.phoneNotYours);
  return editPhone(ctx, contact.phone_number);
});

approved.on('message:text', async (ctx, next) => {
  const flow = ctx.session.flow;
  if (flow.kind !== 'profile') return next();
  const text = ctx.message.text.trim().replace(/\s+/g, ' ');
  if (anyLang((t) => t.cancelButton).includes(text)) {
    ctx.session.flow = { kind: 'idle' };
    return ctx.reply(ctx.t.editCancelled, { reply_markup: menuKeyboard(ctx.t, ctx.master) });
  }
  if (flow.field === 'phone') return editPhone(ctx, text);
  if (flow.field === 'name') {
    if (!/^[\p{L}][\p{L}'’.-]*( [\p{L}][\p{L}'’.-]*)+$/u.test(text) || text.length > 200) return ctx.reply(ctx.t.nameBad);
    return saved(ctx, await save(ctx, { name: text }));
  }
  // City and kinds are picked with buttons: show them again.
  return ctx.reply(flow.field === 'city' ? ctx.t.profileCityAsk : ctx.t.profileKindsAsk);
});

async function editPhone(ctx: Approved, input: string): Promise<unknown> {
  const phone = normalisePhone(input);
  if (!phone) return ctx.reply(ctx.t.phoneBad);
  return saved(ctx, await save(ctx, { phone }));
}

/** Saves the change and ends the edit; null (after telling the master) when it was refused. */
async function save(ctx: Approved, change: OwnProfileChange): Promise<MasterRecord | null> {
  ctx.session.flow = { kind: 'idle' };
  try {
    const master = await updateOwnProfile(ctx.app.ops, masterActor({ id: ctx.master.id, tenantId: ctx.app.tenant.id }), change);
    return { ...ctx.master, name: master.name, phone: master.phone, language: master.language === 'en' ? 'en' : 'ru', onShift: master.onShift };
  } catch (error) {
    if (isDomainError(error, 'conflict')) {
      await ctx.reply(ctx.t.phoneTaken, { reply_markup: menuKeyboard(ctx.t, ctx.master) });
      return null;
    }
    throw error;
  }
}

async function saved(ctx: Approved, master: MasterRecord | null): Promise<void> {
  if (!master) return;
  await ctx.reply(ctx.t.profileSaved, { reply_markup: menuKeyboard(ctx.t, master) });
  await showProfile(ctx, master);
}

export async function showProfile(ctx: Approved, master: MasterRecord = ctx.master): Promise<void> {
  const [links, refs] = await Promise.all([masterLinks(ctx.app.ops.db, master.id), loadReferences(ctx.app.ops.db, ctx.app.tenant.id)]);
  const { t } = ctx;
  const text = t.profile({
    name: master.name,
    phone: master.phone ? displayPhone(master.phone) : '—',
    city: links.cityIds.map((id) => refs.cityName(id)).join(', ') || '—',
    kinds: links.kindIds.map((id) => refs.kindName(id)).join(', ') || '—',
    rating: master.rating,
    onShift: master.onShift,
  });
  const button = (text: string, action: DataOf<typeof profileButton>['action']) => [text, profileButton.pack({ action, value: 0 })] as const;
  const keyboard = new InlineKeyboard()
    .text(...button(t.editName, 'name'))
    .text(...button(t.editPhone, 'phone'))
    .row()
    .text(...button(t.editCity, 'city'))
    .text(...button(t.editKinds, 'kinds'))
    .row()
    .text(...button(t.languageButton, 'lang'));
  await ctx.reply(text, { reply_markup: keyboard });
}

function cancelKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t.cancelButton, profileButton.pack({ action: 'cancel', value: 0 }));
}

function profileKinds(ctx: BotContext, picked: number[]): Promise<InlineKeyboard> {
  return kindsKeyboard(ctx, picked, {
    toggle: (id) => profileButton.pack({ action: 'toggle-kind', value: id }),
    done: profileButton.pack({ action: 'kinds-done', value: 0 }),
    last: { text: ctx.t.cancelButton, data: profileButton.pack({ action: 'cancel', value: 0 }) },
  });
}

