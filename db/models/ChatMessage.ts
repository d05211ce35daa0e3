import { Model } from 'objection';

export class ChatMessage extends Model {
  static override tableName = 'chat_messages';
  declare id: number;
  declare tenant_id: number;
  declare master_id: number;
  declare direction: 'in' | 'out';
  declare user_id: number | null;
  declare text: string;
  declare delivery: 'pending' | 'delivered' | 'failed';
  declare error: string | null;
}
