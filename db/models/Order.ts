import { Model } from 'objection';
import { Customer } from './Customer.ts';
import { Master } from './Master.ts';

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
  declare master_id: number | null;
  declare price: number;
  declare commission: number;
  declare version: number;
  declare customer?: Customer;
  declare master?: Master;
  declare events?: OrderEvent[];
  declare offers?: OrderOffer[];
  declare photos?: OrderPhoto[];

  static override relationMappings = () => ({
    customer: { relation: Model.BelongsToOneRelation, modelClass: Customer, join: { from: 'orders.customer_id', to: 'customers.id' } },
    master: { relation: Model.BelongsToOneRelation, modelClass: Master, join: { from: 'orders.master_id', to: 'masters.id' } },
    events: { relation: Model.HasManyRelation, modelClass: OrderEvent, join: { from: 'orders.id', to: 'order_events.order_id' } },
    offers: { relation: Model.HasManyRelation, modelClass: OrderOffer, join: { from: 'orders.id', to: 'order_offers.order_id' } },
    photos: { relation: Model.HasManyRelation, modelClass: OrderPhoto, join: { from: 'orders.id', to: 'order_photos.order_id' } },
  });
}

export class OrderEvent extends Model {
  static override tableName = 'order_events';
  declare id: number;
  declare tenant_id: number;
  declare seq: number;
  declare order_id: number | null;
  declare actor_type: string;
  declare actor_id: number | null;
  declare type: string;
  declare data: Record<string, unknown>;
  declare created_at: Date;
}

export class OrderOffer extends Model {
  static override tableName = 'order_offers';
  declare id: number;
  declare tenant_id: number;
  declare order_id: number;
  declare master_id: number;
  declare wave: number;
  declare state: 'pending' | 'sent' | 'accepted' | 'closed' | 'failed';
  declare chat_id: number | null;
  declare message_id: number | null;
}

export class OrderPhoto extends Model {
  static override tableName = 'order_photos';
  declare id: number;
  declare tenant_id: number;
  declare order_id: number;
  declare master_id: number | null;
  declare file_path: string;
  declare mime: string;
  declare telegram_file_id: string | null;
  declare approved: boolean;
}
