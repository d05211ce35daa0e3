import { Model } from 'objection';
import type { ChannelType } from '../../shared/types.ts';

// A company's own lists: the cities it works in, its kinds of work, its sales channels.
export class City extends Model {
  static override tableName = 'cities';
  declare id: number;
  declare tenant_id: number;
  declare name: string;
  declare slug: string;
  declare position: number;
}

export class Kind extends Model {
  static override tableName = 'kinds';
  declare id: number;
  declare tenant_id: number;
  declare name: string;
  declare slug: string;
  declare position: number;
}

export class Channel extends Model {
  static override tableName = 'channels';
  declare id: number;
  declare tenant_id: number;
  declare name: string;
  declare type: ChannelType;
  declare api_key_hash: string | null;
  declare created_at: Date;
}
