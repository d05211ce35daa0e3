import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import type { ChatMessageDTO } from '../../shared/chat.ts';
import { notFound } from '../core/errors.ts';
import type { ChatMessage } from '../models/index.ts';

type Db = Knex | Knex.Transaction;

/** Chat lines with the name of the manager who wrote each `out` line. */
export function selectChatMessages(db: Db, tenantId: number): Knex.QueryBuilder {
  return db('chat_messages as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .where('c.tenant_id', tenantId)
    .select('c.*', 'u.name as user_name');
}

/** A chat_messages row with its writer's name; some drivers hand created_at back as text. */
type ChatRow = Omit<ModelObject<ChatMessage>, 'tenant_id' | 'created_at'> & { user_name: string | null; created_at: Date | string };

export function toChatMessageDTO(row: ChatRow): ChatMessageDTO {
  return {
    id: row.id,
    masterId: row.master_id,
    direction: row.direction,
    user: row.user_id ? { id: row.user_id, name: row.user_name ?? '' } : null,
    text: row.text,
    delivery: row.delivery,
    error: row.error,
    at: new Date(row.created_at).toISOString(),
  };
}

export async function loadChatMessage(db: Db, tenantId: number, id: number): Promise<ChatMessageDTO> {
  const row = await selectChatMessages(db, tenantId).where('c.id', id).first();
  if (!row) throw notFound('Message');
  return toChatMessageDTO(row);
}
