import type { OpTransaction } from '../core/runOp.ts';
import { loadCustomer } from './customerRecord.ts';

export interface OrderCustomer {
  id: number;
  /** Announces a card this intake added (customers.created), once the order is written, so its count includes it. */
  announce(): Promise<void>;
}

/**
 * The customer an order is for: found by the normalised phone (the schemas normalise every
 * intake's phone, so "+7 916 555-12-34" and "89165551234" are one card), or added; the latest name
 * wins. A new card is announced, so the «Клиенты» tab shows it live.
 */
export async function customerForOrder(tx: OpTransaction, tenantId: number, customer: { name: string; phone: string }): Promise<OrderCustomer> {
  const { trx, emit } = tx;
  const [row] = await trx('customers')
    .insert({ tenant_id: tenantId, phone: customer.phone, name: customer.name })
    .onConflict(['tenant_id', 'phone'])
    .merge({ name: customer.name, updated_at: trx.fn.now() })
    // xmax is 0 on a row this statement inserted, and the updating transaction's id on one it merged into.
    .returning(['id', trx.raw('(xmax = 0) as added') as unknown as string]);
  const id = row.id as number;
  return {
    id,
    announce: async () => {
      if (row.added) await emit('customers.created', null, { customer: await loadCustomer(trx, tenantId, id) });
    },
  };
}
