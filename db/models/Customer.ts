import { Model } from 'objection';

export class Customer extends Model {
  static override tableName = 'customers';
  declare id: number;
  declare tenant_id: number;
  declare phone: string;
  declare name: string;
  declare email: string | null;
}
