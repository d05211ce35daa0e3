import { Model } from 'objection';
import { Customer } from './Customer.ts';
import { Master } from './Master.ts';

// Columns are typed as the drivers hand them back (snake_case, int8 as number), so a knex row of
// the same table is a ModelObject<Order> too.
export class Order extends Model {
  static override tableName = 'orders';
  declare id: number;
  declare tenant_id: number;
  declare number: number;
  declare status: string;
  declare city_id: number;
  declare kind_id: number;
  declare channel_id: number;
  declare customer_id: number | null;
  declare description: string;
  declare street: string;
  declare address: string;
  declare planned_at: Date | null;
  declare price: number;
  declare commission: number;
  declare commission_manual: boolean;
  declare master_id: number | null;
  /** The master a manager took the order from, kept out of its next waves. */
  declare withdrawn_master_id: number | null;
  declare version: number;
  declare seo_title: string;
  declare seo_description: string;
  declare seo_slug: string;
  declare published: boolean;
  declare no_taker_reason: string | null;
  declare no_taker_at: Date | null;
  declare cancel_reason: string | null;
  declare created_by: number | null;
  declare created_at: Date;
  declare updated_at: Date;
  declare status_changed_at: Date;
  declare customer?: Customer | null;
  declare master?: Master | null;

  static override relationMappings = () => ({
    customer: { relation: Model.BelongsToOneRelation, modelClass: Customer, join: { from: 'orders.customer_id', to: 'customers.id' } },
    master: { relation: Model.BelongsToOneRelation, modelClass: Master, join: { from: 'orders.master_id', to: 'masters.id' } },
  });
}
