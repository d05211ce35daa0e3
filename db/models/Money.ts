import { Model } from 'objection';
import type { ExpenseDTO } from '../../shared/crmTypes.ts';

export class PriceItem extends Model {
  static override tableName = 'price_items';
  declare id: number;
  declare tenant_id: number;
  declare city_id: number;
  declare kind_id: number;
  declare name: string;
  declare unit: string;
  declare price: number;
  declare position: number;
}

export class Expense extends Model {
  static override tableName = 'expenses';
  declare id: number;
  declare tenant_id: number;
  declare kind: ExpenseDTO['kind'];
  declare channel_id: number | null;
  declare city_id: number | null;
  /** A `date`, which the drivers hand back as a JS Date at local midnight: read it as text instead. */
  declare spent_on: Date;
  declare amount: number;
  declare note: string;
  declare created_by: number | null;
  declare created_at: Date;
}
