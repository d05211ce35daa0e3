import { Model } from 'objection';

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
  declare type: 'website' | 'avito' | 'yandex' | 'phone' | 'other';
  declare api_key_hash: string | null;
}

export class Status extends Model {
  static override tableName = 'statuses';
  declare id: number;
  declare tenant_id: number;
  declare code: string;
  declare name_ru: string;
  declare name_en: string;
  declare color: string;
  declare closed: boolean;
  declare position: number;
}

export class Transition extends Model {
  static override tableName = 'transitions';
  static override idColumn = ['tenant_id', 'role', 'from_status', 'to_status'];
  declare tenant_id: number;
  declare role: 'manager' | 'master' | 'system';
  declare from_status: string;
  declare to_status: string;
}
