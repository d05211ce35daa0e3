import { Model } from 'objection';

export class Payment extends Model {
  static override tableName = 'payments';
  declare id: number;
  declare tenant_id: number;
  declare order_id: number;
  declare master_id: number | null;
  declare amount: number;
  declare currency: string;
  declare method: 'telegram' | 'stars' | 'card' | 'invoice' | 'cash';
  declare telegram_payment_charge_id: string | null;
}

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
  declare channel_id: number | null;
  declare city_id: number | null;
  declare spent_on: string;
  declare amount: number;
  declare note: string;
}
