import { channelActor, systemActor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';
import { toChannelDTO } from '../channels/channelRecord.ts';
import { loadTenantSettings } from '../settings/tenantSettings.ts';
import { fromZonedInput, toZonedInput } from '../../shared/time.ts';
import type { RequestFormInput } from '../../shared/schemas/requestForm.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { intakeOrder } from './intakeOrder.ts';

// The request form on the company's site (/p/<company>/order): the website API's intake under a
// channel of its own («Форма на сайте»), so reports tell the form's orders from the site's.

type Choice = { slug: string; name: string };

/** What the form offers: the company's cities and kinds of work, in their order. */
export async function formChoices(ctx: OpsContext, tenantId: number): Promise<{ cities: Choice[]; kinds: Choice[] }> {
  const [cities, kinds] = await Promise.all(
    ['cities', 'kinds'].map((table) => ctx.db(table).where({ tenant_id: tenantId }).orderBy(['position', 'id']).select('slug', 'name') as Promise<Choice[]>),
  );
  return { cities: cities!, kinds: kinds! };
}

/** The form page's company (by the slug in its address) and choices; null for no such company. */
export async function formPage(ctx: OpsContext, slug: string): Promise<{ tenantId: number; company: { name: string }; cities: Choice[]; kinds: Choice[] } | null> {
  const tenant = await ctx.db('tenants').where({ slug }).first('id', 'name');
  if (!tenant) return null;
  return { tenantId: tenant.id, company: { name: tenant.name }, ...(await formChoices(ctx, tenant.id)) };
}

/** The company's form channel; the first request makes it (the partial unique index keeps it one). */
export async function formChannel(ctx: OpsContext, tenantId: number): Promise<{ id: number; tenantId: number }> {
  const existing = await ctx.db('channels').where({ tenant_id: tenantId, type: 'form' }).first('id');
  if (existing) return { id: existing.id, tenantId };
  return runOp(ctx, systemActor(tenantId), async ({ trx, emit }) => {
    const { rows } = await trx.raw(
      `insert into channels (tenant_id, name, type) values (?, 'Форма на сайте', 'form') on conflict (tenant_id) where type = 'form' do nothing returning *`,
      [tenantId],
    );
    if (rows[0]) await emit('channels.created', null, { channel: toChannelDTO(rows[0]) });
    const { id } = rows[0] ?? (await trx('channels').where({ tenant_id: tenantId, type: 'form' }).first('id'));
    return { id, tenantId };
  });
}

/** A request from the form: a `new` order for the managers, the customer found (or made) by phone. */
export async function intakeFormOrder(ctx: OpsContext, tenantId: number, input: RequestFormInput): Promise<OrderDTO> {
  // A person never sees the honeypot; whatever filled it is a bot, and gets no order.
  if (input.website.trim() !== '') throw new DomainError('invalid', 'form.refused');
  const { timezone } = await loadTenantSettings(ctx.db, tenantId);
  const plannedAt = input.preferredTime ? fromZonedInput(input.preferredTime, timezone) : null;
  // A day the month lacks (30 февраля) rolls over into the next: such a time is not the one typed.
  const year = plannedAt ? new Date(plannedAt).getUTCFullYear() : 2000;
  if (input.preferredTime && (toZonedInput(plannedAt, timezone) !== input.preferredTime || year < 1900 || year > 2200)) {
    throw new DomainError('invalid', 'form.badTime', { field: 'preferredTime' });
  }
  // Checked before the channel is made, so a refused request writes nothing (intake checks again).
  const { cities, kinds } = await formChoices(ctx, tenantId);
  const city = input.city ?? cities[0]?.slug;
  if (!city || kinds.length === 0) throw new DomainError('invalid', 'form.noCities');
  if (!cities.some((choice) => choice.slug === city)) throw new DomainError('invalid', { key: 'site.noCityInCompany', params: { city } }, { field: 'city' });
  if (input.kind && !kinds.some((choice) => choice.slug === input.kind)) {
    throw new DomainError('invalid', { key: 'site.noKindInCompany', params: { kind: input.kind } }, { field: 'kind' });
  }
  const channel = await formChannel(ctx, tenantId);
  const { order } = await intakeOrder(
    ctx,
    channelActor(channel),
    { city, kind: input.kind, name: input.name, phone: input.phone, description: input.comment, street: '', address: input.address, plannedAt },
    null,
  );
  return order;
}
