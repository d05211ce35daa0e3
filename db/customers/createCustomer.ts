import type { CustomerCardDTO } from '../../shared/customers.ts';
import type { CreateCustomerInput } from '../../shared/schemas/customer.ts';
import { assertRole, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { runOp } from '../core/runOp.ts';
import { newConsentColumns, phoneTaken, replaceDates } from './cardWrites.ts';
import { loadCustomer } from './customerRecord.ts';
import { readCustomerCard } from './queries.ts';

/** A manager adds a customer by hand (a call with no order yet, a regular from the notebook). */
export async function createCustomer(ctx: OpsContext, actor: Actor, input: CreateCustomerInput): Promise<CustomerCardDTO> {
  assertRole(actor, 'manager');
  return runOp(ctx, actor, async ({ trx, emit }) => {
    // The unique (tenant, phone) index decides, so two managers adding one phone at once make one card.
    const [added] = await trx('customers')
      .insert({
        tenant_id: actor.tenantId,
        name: input.name,
        phone: input.phone,
        email: input.email,
        tags: input.tags,
        notes: input.notes,
        ...newConsentColumns(trx, input.consent),
      })
      .onConflict(['tenant_id', 'phone'])
      .ignore()
      .returning('id');
    if (!added) throw phoneTaken(await trx('customers').where({ tenant_id: actor.tenantId, phone: input.phone }).first('id', 'name'));
    await replaceDates(trx, actor.tenantId, added.id, input.dates);
    await emit('customers.created', null, { customer: await loadCustomer(trx, actor.tenantId, added.id) });
    return readCustomerCard(trx, actor.tenantId, added.id);
  });
}
