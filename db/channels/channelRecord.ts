import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import { notFound } from '../core/errors.ts';
import { Channel } from '../models/index.ts';

export type ChannelRow = ModelObject<Channel>;

/** The key's hash never leaves the server; staff see only whether a key exists. */
export const toChannelDTO = (row: ChannelRow): ChannelAdminDTO => ({
  id: row.id,
  name: row.name,
  type: row.type,
  hasApiKey: row.api_key_hash !== null,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function lockChannel(trx: Knex.Transaction, tenantId: number, channelId: number): Promise<ChannelRow> {
  const row = await Channel.query(trx).findOne({ id: channelId, tenant_id: tenantId }).forUpdate();
  if (!row) throw notFound('Channel');
  return row;
}
