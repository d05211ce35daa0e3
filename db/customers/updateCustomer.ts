import type { CustomerCardDTO } from '../../shared/customers.ts';
import type { UpdateCustomerInput } from '../../shared/schemas/customer.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';
import { consentColumns, replaceDates, writeCard } from './cardWrites.ts';
import { loadCustomer, lockCustomer } from './customerRecord.ts';
import { readCustomerCard } from './queries.ts';

const columns = { name: 'name', phone: 'phone', email: 'email', tags: 'tags', notes: 'notes' } as const;

/** A manager corrects a card: contacts, tags, notes, consent to messages, the list of dates. */
export async function updateCustomer(ctx: OpsContext, actor: Actor, customerId: number, input: UpdateCustomerInput): Promise<CustomerCardDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await lockCustomer(trx, actor.tenantId, customerId);
    const patch: Record<string, unknown> = { ...consentColumns(trx, input.consent), updated_at: trx.fn.now() };
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      if (input[field] !== undefined) patch[column] = input[field];
    }
    await writeCard(trx, actor.tenantId, customerId, patch);
    if (input.dates) await replaceDates(trx, actor.tenantId, customerId, input.dates);
    await emit('customers.updated', null, { customer: await loadCustomer(trx, actor.tenantId, customerId), fields: Object.keys(input) });
    return readCustomerCard(trx, actor.tenantId, customerId);
  });
}
