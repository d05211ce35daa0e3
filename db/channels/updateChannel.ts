import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import type { UpdateChannelInput } from '../../shared/schemas/channel.ts';
import type { Actor } from '../core/actor.ts';
import { lockChannel, toChannelDTO } from './channelRecord.ts';
import type { OpsContext } from '../core/context.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

export async function updateChannel(ctx: OpsContext, actor: Actor, channelId: number, input: UpdateChannelInput): Promise<ChannelAdminDTO> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    await lockChannel(trx, actor.tenantId, channelId);
    const [row] = await trx('channels').where({ id: channelId }).update(input).returning('*');
    const channel = toChannelDTO(row);
    await emit('channels.updated', null, { channel, fields: Object.keys(input) });
    return channel;
  });
}
