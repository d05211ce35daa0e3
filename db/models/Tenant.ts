import { Model } from 'objection';

export class Tenant extends Model {
  static override tableName = 'tenants';
  declare id: number;
  declare name: string;
  declare slug: string;
  declare settings: Record<string, unknown>;
  declare event_seq: number;
  declare order_seq: number;
}
