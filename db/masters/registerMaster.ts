import type { MasterDTO } from '../../shared/crmTypes.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { assertPhoneFree, loadMaster, setMasterLinks } from './masterRecord.ts';
import { runOp } from '../core/runOp.ts';

export interface MasterRegistration {
  telegramUserId: number;
  telegramChatId: number;
  name: string;
  /** Normalised (+7…). */
  phone: string;
  passport: string | null;
  cityId: number;
  kindIds: number[];
  language: 'ru' | 'en';
}

/**
 * The bot's registration form, submitted. A new master waits for moderation («на модерации»).
 * A master a manager already added by hand with this phone is linked to the Telegram account
 * instead, keeping his status: he was vetted when he was added.
 */
export async function registerMaster(ctx: OpsContext, actor: Actor, input: MasterRegistration): Promise<MasterDTO> {
  assertRole(actor, 'system');
  if (input.kindIds.length === 0) throw new DomainError('invalid', 'master.chooseKind', { field: 'kindIds' });
  return runOp(ctx, actor, async ({ trx, emit }) => {
    const taken = await trx('masters').where({ tenant_id: actor.tenantId, telegram_user_id: input.telegramUserId }).first('id');
    if (taken) throw new DomainError('conflict', 'master.telegramTaken', { details: { masterId: taken.id } });
    const manual = await trx('masters')
      .where({ tenant_id: actor.tenantId, phone: input.phone, source: 'manual' })
      .whereNull('telegram_user_id')
      .forUpdate()
      .first('id');
    const columns = {
      telegram_user_id: input.telegramUserId,
      telegram_chat_id: input.telegramChatId,
      name: input.name,
      passport: input.passport,
      language: input.language,
    };
    let id: number;
    if (manual) {
      id = manual.id;
      await trx('masters').where({ id }).update(columns);
    } else {
      await assertPhoneFree(trx, actor.tenantId, input.phone);
      [{ id }] = await trx('masters')
        .insert({ ...columns, tenant_id: actor.tenantId, phone: input.phone, status: 'pending', source: 'bot' })
        .returning('id');
    }
    await setMasterLinks(trx, actor.tenantId, id, { cityIds: [input.cityId], kindIds: input.kindIds });
    const master = await loadMaster(trx, actor.tenantId, id);
    await emit('masters.registered', null, { master });
    return master;
  });
}
