import { Model } from 'objection';
import type { MasterContacts, MasterDTO } from '../../shared/crmTypes.ts';
import { City, Kind } from './Reference.ts';

export class Master extends Model {
  static override tableName = 'masters';
  declare id: number;
  declare tenant_id: number;
  declare telegram_user_id: number | null;
  declare telegram_chat_id: number | null;
  declare name: string;
  declare phone: string | null;
  declare passport: string | null;
  declare status: MasterDTO['status'];
  declare block_reason: string | null;
  declare on_shift: boolean;
  declare rating: number;
  declare source: MasterDTO['source'];
  declare contacts: MasterContacts;
  declare language: string;
  declare last_seen_at: Date | null;
  /** When Telegram refused a message because the master blocked the bot. */
  declare bot_blocked_at: Date | null;
  declare created_at: Date;
  declare cities?: City[];
  declare kinds?: Kind[];

  static override relationMappings = () => ({
    cities: {
      relation: Model.ManyToManyRelation,
      modelClass: City,
      join: { from: 'masters.id', through: { from: 'master_cities.master_id', to: 'master_cities.city_id' }, to: 'cities.id' },
    },
    kinds: {
      relation: Model.ManyToManyRelation,
      modelClass: Kind,
      join: { from: 'masters.id', through: { from: 'master_kinds.master_id', to: 'master_kinds.kind_id' }, to: 'kinds.id' },
    },
  });
}
