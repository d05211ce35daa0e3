import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import type { Actor } from '../core/actor.ts';
import { hashApiKey, newApiKey } from './apiKeys.ts';
import { lockChannel, toChannelDTO } from './channelRecord.ts';
import type { OpsContext } from '../core/context.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

/** A new API key for the channel: the old one stops working at once; the new one is shown this once. */
export async function rotateChannelKey(ctx: OpsContext, actor: Actor, channelId: number): Promise<{ channel: ChannelAdminDTO; apiKey: string }> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    await lockChannel(trx, actor.tenantId, channelId);
    const apiKey = newApiKey();
    const [row] = await trx('channels').where({ id: channelId }).update({ api_key_hash: hashApiKey(apiKey) }).returning('*');
    const channel = toChannelDTO(row);
    await emit('channels.updated', null, { channel, fields: ['apiKey'] });
    return { channel, apiKey };
  });
}
