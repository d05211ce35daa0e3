import { Model } from 'objection';

export class Customer extends Model {
  static override tableName = 'customers';
  declare id: number;
  declare tenant_id: number;
  declare phone: string;
  declare name: string;
  declare email: string | null;
  declare tags: string[];
  declare notes: string;
  declare sms_consent_at: Date | null;
  declare email_consent_at: Date | null;
  /** Kept by triggers from the customer's orders (migration 20270101000300_customer_history). */
  declare order_count: number;
  declare paid_total: number | string;
  declare last_order_at: Date | null;
  declare created_at: Date;
  declare updated_at: Date;
}
