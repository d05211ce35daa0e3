import { randomBytes } from 'node:crypto';
import type { CompanyBotDTO } from '../../shared/companyBot.ts';
import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';
import { dropOldWebhook, webhookUrl, type BotOpsContext } from './connection.ts';
import { secretBoxFor } from './secretBox.ts';
import { botApi, setBotWebhook, whoseToken } from './telegram.ts';

/**
 * The owner connects the company's own bot, or replaces it: Telegram names the token's bot, the
 * token is stored sealed, and with WEBHOOK_BASE_URL the bot's updates are sent to /tg/<bot id>
 * with a secret of its own. The bot process hears `bot.connected` and starts the bot.
 */
export async function connectBot(ctx: BotOpsContext, actor: Actor, token: string): Promise<CompanyBotDTO> {
  const box = secretBoxFor(ctx.config);
  if (!box) throw new DomainError('unavailable', 'bots.noSecretsKey');
  // Before Telegram is asked: no one but the owner learns whose a token is.
  await ctx.db.transaction((trx) => assertOwner(trx, actor));
  const api = botApi(token, ctx.apiRoot);
  const me = await whoseToken(api);
  const base = ctx.config.WEBHOOK_BASE_URL;
  const secret = randomBytes(32).toString('hex');
  const { previous, connectedAt } = await runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const taken = await trx('company_bots').where({ telegram_bot_id: me.id }).whereNot({ tenant_id: actor.tenantId }).first('tenant_id');
    if (taken) throw takenByOther();
    const previous = await trx('company_bots').where({ tenant_id: actor.tenantId }).forUpdate().first('telegram_bot_id', 'token_encrypted');
    const [row] = await trx('company_bots')
      .insert({ tenant_id: actor.tenantId, telegram_bot_id: me.id, username: me.username, token_encrypted: box.seal(token), webhook_secret: secret, connected_at: trx.fn.now() })
      .onConflict('tenant_id')
      .merge()
      .returning('connected_at')
      .catch((error: unknown) => {
        // Another company took the same bot in the moment since the check above.
        throw (error as { code?: string }).code === '23505' ? takenByOther() : error;
      });
    // Inside the transaction: a webhook Telegram refused leaves the company as it was.
    if (base) await setBotWebhook(api, webhookUrl(base, me.id), secret);
    await trx('tenants').where({ id: actor.tenantId }).update({ bot_username: me.username });
    const replaced = previous && Number(previous.telegram_bot_id) !== me.id ? { telegramBotId: Number(previous.telegram_bot_id), tokenSealed: previous.token_encrypted as string } : null;
    if (replaced) await emit('bot.disconnected', null, { telegramBotId: replaced.telegramBotId });
    await emit('bot.connected', null, { telegramBotId: me.id, username: me.username });
    return { previous: replaced, connectedAt: new Date(row.connected_at).toISOString() };
  });
  if (previous) await dropOldWebhook(ctx, previous.tokenSealed);
  return { connected: true, username: me.username, telegramBotId: me.id, connectedAt, mode: base ? 'webhook' : 'polling' };
}

const takenByOther = () => new DomainError('conflict', 'bots.takenByOther', { field: 'token' });
