import { Composer, InlineKeyboard, Keyboard } from 'grammy';
import { registerMaster } from '../../db/masters/registerMaster.ts';
import { systemActor } from '../../db/core/actor.ts';
import { loadTenantSettings } from '../../db/settings/tenantSettings.ts';
import { normalisePhone } from '../../shared/phone.ts';
import { regButton, type DataOf } from '../callbackData.ts';
import type { BotContext, Flow, RegistrationStep } from '../context.ts';
import { anyLang, asLang, textsFor } from '../locales/index.ts';
import { cityKeyboard, kindsKeyboard } from '../keyboards/choices.ts';
import { loadReferences } from '../../db/settings/queries.ts';
import { isDomainError, staleTap } from './replies.ts';

// /start → intro «Регистрация» → policy → phone (contact button or typed) → full name →
// passport (optional) → city → kinds of work (✓, «Готово») → «на модерации».
// The place in the form lives in the persistent session: a restart resumes it, and
// «« Назад» goes one step back from anywhere.

type Registration = Extract<Flow, { kind: 'registration' }>;

const previous: Record<RegistrationStep, RegistrationStep | null> = {
  intro: null,
  policy: 'intro',
  phone: 'policy',
  name: 'phone',
  passport: 'name',
  city: 'passport',
  kinds: 'city',
};

export const registrationFeature = new Composer<BotContext>();

const strangers = registrationFeature.filter((ctx) => ctx.master === null && ctx.chat?.type === 'private');

strangers.command('start', async (ctx) => {
  const flow = ctx.session.flow;
  if (flow.kind !== 'registration') {
    ctx.session.flow = { kind: 'registration', step: 'intro', draft: { kindIds: [] }, lang: asLang(ctx.from?.language_code === 'en' ? 'en' : 'ru') };
  }
  await showStep(ctx);
});

strangers.callbackQuery(regButton.filter, async (ctx) => {
  const flow = registration(ctx);
  const data = regButton.unpack(ctx.callbackQuery.data);
  if (!flow || !data || data.step !== flow.step) return staleTap(ctx);
  if (data.action === 'back') {
    await ctx.answerCallbackQuery();
    return goBack(ctx, flow);
  }
  switch (`${flow.step}:${data.action}`) {
    case 'intro:start':
      await ctx.answerCallbackQuery();
      return goTo(ctx, flow, 'policy');
    case 'intro:lang':
      flow.lang = flow.lang === 'ru' ? 'en' : 'ru';
      setLang(ctx, flow);
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(ctx.t.intro(ctx.app.tenant.name), { reply_markup: introKeyboard(ctx) });
    case 'policy:agree':
      await ctx.answerCallbackQuery();
      return goTo(ctx, flow, 'phone');
    case 'passport:skip':
      flow.draft.passport = null;
      await ctx.answerCallbackQuery();
      return goTo(ctx, flow, 'city');
    case 'city:pick': {
      const refs = await loadReferences(ctx.app.ops.db, ctx.app.tenant.id);
      if (!refs.cities.some((city) => city.id === data.value)) return staleTap(ctx);
      flow.draft.cityId = data.value;
      await ctx.answerCallbackQuery();
      return goTo(ctx, flow, 'kinds');
    }
    case 'kinds:toggle': {
      const refs = await loadReferences(ctx.app.ops.db, ctx.app.tenant.id);
      if (!refs.kinds.some((kind) => kind.id === data.value)) return staleTap(ctx);
      const picked = new Set(flow.draft.kindIds);
      if (picked.has(data.value)) picked.delete(data.value);
      else picked.add(data.value);
      flow.draft.kindIds = [...picked];
      await ctx.answerCallbackQuery();
      return ctx.editMessageReplyMarkup({ reply_markup: await regKinds(ctx, flow.draft.kindIds) });
    }
    case 'kinds:done':
      if (flow.draft.kindIds.length === 0) return ctx.answerCallbackQuery({ text: ctx.t.kindsNone });
      await ctx.answerCallbackQuery();
      return submit(ctx, flow);
    default:
      return staleTap(ctx);
  }
});

strangers.on('message:contact', async (ctx) => {
  const flow = registration(ctx);
  if (!flow) return startOver(ctx);
  if (flow.step !== 'phone') return showStep(ctx);
  const contact = ctx.message.contact;
  if (contact.user_id !== undefined && contact.user_id !== ctx.from.id) return ctx.reply(ctx.t.phoneNotYours);
  return acceptPhone(ctx, flow, contact.phone_number);
});

strangers.on('message:text', async (ctx) => {
  const flow = registration(ctx);
  if (!flow) return startOver(ctx);
  const text = ctx.message.text.trim();
  if (anyLang((t) => t.backButton).includes(text)) return goBack(ctx, flow);
  switch (flow.step) {
    case 'phone':
      return acceptPhone(ctx, flow, text);
    case 'name': {
      const name = text.replace(/\s+/g, ' ');
      if (!/^[\p{L}][\p{L}'’.-]*( [\p{L}][\p{L}'’.-]*)+$/u.test(name) || name.length > 200) return ctx.reply(ctx.t.nameBad);
      flow.draft.name = name;
      return goTo(ctx, flow, 'passport');
    }
    case 'passport': {
      if (anyLang((t) => t.skipButton).includes(text)) {
        flow.draft.passport = null;
        return goTo(ctx, flow, 'city');
      }
      const digits = text.replace(/\D/g, '');
      if (!/^[\d\s№-]+$/.test(text) || digits.length < 6 || digits.length > 12) return ctx.reply(ctx.t.passportBad);
      flow.draft.passport = text.replace(/\s+/g, ' ');
      return goTo(ctx, flow, 'city');
    }
    default:
      // A button step: show it again rather than guess what the text meant.
      return showStep(ctx);
  }
});

strangers.on('message', async (ctx) => {
  if (!registration(ctx)) return startOver(ctx);
  return showStep(ctx);
});

function registration(ctx: BotContext): Registration | null {
  const flow = ctx.session.flow;
  return flow.kind === 'registration' ? flow : null;
}

function setLang(ctx: BotContext, flow: Registration): void {
  ctx.lang = flow.lang;
  ctx.t = textsFor(flow.lang);
}

async function startOver(ctx: BotContext): Promise<void> {
  ctx.session.flow = { kind: 'registration', step: 'intro', draft: { kindIds: [] }, lang: 'ru' };
  setLang(ctx, ctx.session.flow);
  await showStep(ctx);
}

async function goTo(ctx: BotContext, flow: Registration, step: RegistrationStep): Promise<void> {
  flow.step = step;
  await showStep(ctx);
}

async function goBack(ctx: BotContext, flow: Registration): Promise<void> {
  const step = previous[flow.step];
  if (step) await goTo(ctx, flow, step);
  else await showStep(ctx);
}

async function acceptPhone(ctx: BotContext, flow: Registration, input: string): Promise<void> {
  const phone = normalisePhone(input);
  if (!phone) {
    await ctx.reply(ctx.t.phoneBad);
    return;
  }
  flow.draft.phone = phone;
  await ctx.reply(ctx.t.phoneSaved(phone), { reply_markup: { remove_keyboard: true } });
  await goTo(ctx, flow, 'name');
}

async function submit(ctx: BotContext, flow: Registration): Promise<void> {
  const { draft } = flow;
  if (!draft.phone) return goTo(ctx, flow, 'phone');
  if (!draft.name) return goTo(ctx, flow, 'name');
  if (!draft.cityId) return goTo(ctx, flow, 'city');
  try {
    await registerMaster(ctx.app.ops, systemActor(ctx.app.tenant.id), {
      telegramUserId: ctx.from!.id,
      telegramChatId: ctx.chat!.id,
      name: draft.name,
      phone: draft.phone,
      passport: draft.passport ?? null,
      cityId: draft.cityId,
      kindIds: draft.kindIds,
      language: flow.lang,
    });
  } catch (error) {
    if (isDomainError(error, 'conflict') && error.field === 'phone') {
      await ctx.reply(ctx.t.phoneTaken);
      return goTo(ctx, flow, 'phone');
    }
    if (isDomainError(error, 'conflict')) {
      ctx.session.flow = { kind: 'idle' };
      await ctx.reply(ctx.t.alreadyRegistered);
      return;
    }
    if (isDomainError(error, 'invalid')) return goTo(ctx, flow, error.field === 'kindIds' ? 'kinds' : 'city');
    throw error;
  }
  ctx.session.flow = { kind: 'idle' };
  await ctx.reply(ctx.t.submitted(draft.name));
}

/** Sends the prompt of the current step with its buttons. */
export async function showStep(ctx: BotContext): Promise<void> {
  const flow = registration(ctx);
  if (!flow) return;
  setLang(ctx, flow);
  const { t } = ctx;
  const back = (step: DataOf<typeof regButton>['step']) => new InlineKeyboard().text(t.backButton, regButton.pack({ step, action: 'back', value: 0 }));
  switch (flow.step) {
    case 'intro':
      await ctx.reply(t.intro(ctx.app.tenant.name), { reply_markup: introKeyboard(ctx) });
      return;
    case 'policy': {
      const { policyUrl } = await loadTenantSettings(ctx.app.ops.db, ctx.app.tenant.id);
      const keyboard = new InlineKeyboard().text(t.agreeButton, regButton.pack({ step: 'policy', action: 'agree', value: 0 })).row();
      await ctx.reply(t.policy(policyUrl), { reply_markup: keyboard.append(back('policy')), link_preview_options: { is_disabled: true } });
      return;
    }
    case 'phone':
      await ctx.reply(t.phoneAsk, { reply_markup: new Keyboard().requestContact(t.phoneButton).row().text(t.backButton).resized().oneTime() });
      return;
    case 'name':
      await ctx.reply(t.nameAsk, { reply_markup: back('name') });
      return;
    case 'passport': {
      const keyboard = new InlineKeyboard().text(t.skipButton, regButton.pack({ step: 'passport', action: 'skip', value: 0 })).row();
      await ctx.reply(t.passportAsk, { reply_markup: keyboard.append(back('passport')) });
      return;
    }
    case 'city': {
      const keyboard = await cityKeyboard(ctx, (id) => regButton.pack({ step: 'city', action: 'pick', value: id }));
      if (!keyboard) {
        await ctx.reply(t.noCities);
        return;
      }
      await ctx.reply(t.cityAsk, { reply_markup: keyboard.append(back('city')) });
      return;
    }
    case 'kinds':
      await ctx.reply(t.kindsAsk, { reply_markup: await regKinds(ctx, flow.draft.kindIds) });
      return;
  }
}

function introKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t.registerButton, regButton.pack({ step: 'intro', action: 'start', value: 0 }))
    .row()
    .text(ctx.t.languageButton, regButton.pack({ step: 'intro', action: 'lang', value: 0 }));
}

function regKinds(ctx: BotContext, picked: number[]): Promise<InlineKeyboard> {
  return kindsKeyboard(ctx, picked, {
    toggle: (id) => regButton.pack({ step: 'kinds', action: 'toggle', value: id }),
    done: regButton.pack({ step: 'kinds', action: 'done', value: 0 }),
    last: { text: ctx.t.backButton, data: regButton.pack({ step: 'kinds', action: 'back', value: 0 }) },
  });
}
