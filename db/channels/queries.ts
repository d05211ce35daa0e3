import type { Knex } from 'knex';
import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import { toChannelDTO } from './channelRecord.ts';

/** The company's channels for the settings page (never their API keys, only whether one is set). */
export async function listChannels(db: Knex, tenantId: number): Promise<ChannelAdminDTO[]> {
  const rows = await db('channels').where({ tenant_id: tenantId }).orderBy('id');
  return rows.map(toChannelDTO);
}
