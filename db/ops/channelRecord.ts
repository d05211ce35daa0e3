import type { Knex } from 'knex';
import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import type { ChannelType } from '../../shared/types.ts';
import { notFound } from './errors.ts';

export interface ChannelRow {
  id: number;
  tenant_id: number;
  name: string;
  type: ChannelType;
  api_key_hash: string | null;
  created_at: Date;
}

/** The key's hash never leaves the server; staff see only whether a key exists. */
export const toChannelDTO = (row: ChannelRow): ChannelAdminDTO => ({
  id: row.id,
  name: row.name,
  type: row.type,
  hasApiKey: row.api_key_hash !== null,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function lockChannel(trx: Knex.Transaction, tenantId: number, channelId: number): Promise<ChannelRow> {
  const row = await trx('channels').where({ id: channelId, tenant_id: tenantId }).forUpdate().first();
  if (!row) throw notFound('Channel');
  return row as ChannelRow;
}
