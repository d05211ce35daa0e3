import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import type { CreateChannelInput } from '../../shared/schemas/channel.ts';
import type { Actor } from '../core/actor.ts';
import { hashApiKey, newApiKey } from './apiKeys.ts';
import { toChannelDTO } from './channelRecord.ts';
import type { OpsContext } from '../core/context.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

/** A sales channel; a website gets its API key here, returned this once and stored only as a hash. */
export async function createChannel(
  ctx: OpsContext,
  actor: Actor,
  input: CreateChannelInput,
): Promise<{ channel: ChannelAdminDTO; apiKey: string | null }> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const apiKey = input.type === 'website' ? newApiKey() : null;
    const [row] = await trx('channels')
      .insert({ tenant_id: actor.tenantId, name: input.name, type: input.type, api_key_hash: apiKey ? hashApiKey(apiKey) : null })
      .returning('*');
    const channel = toChannelDTO(row);
    await emit('channels.created', null, { channel });
    return { channel, apiKey };
  });
}
