import { Model } from 'objection';
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
  declare status: 'pending' | 'approved' | 'blocked';
  declare block_reason: string | null;
  declare on_shift: boolean;
  declare rating: number;
  declare source: 'bot' | 'manual';
  declare contacts: Record<string, string>;
  declare language: string;
  declare last_seen_at: Date | null;
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
