import { Model } from 'objection';
import type { ChatMessageDTO } from '../../shared/chat.ts';

export class ChatMessage extends Model {
  static override tableName = 'chat_messages';
  declare id: number;
  declare tenant_id: number;
  declare master_id: number;
  declare direction: ChatMessageDTO['direction'];
  declare user_id: number | null;
  declare text: string;
  declare delivery: ChatMessageDTO['delivery'];
  declare error: string | null;
  declare created_at: Date;
}
