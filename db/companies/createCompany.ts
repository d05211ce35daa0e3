import { STARTER_CITY, tradeKinds } from '../../shared/trades.ts';
import type { SignupInput } from '../../shared/schemas/signup.ts';
import { slugify } from '../../shared/slug.ts';
import type { UserDTO } from '../../shared/types.ts';
import { systemActor, userActor, type Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { runOp } from '../core/runOp.ts';
import { createTenant } from '../settings/createTenant.ts';
import { createUser } from '../staff/users.ts';
import { freeSlug } from './freeSlug.ts';

/**
 * A company signs itself up, all or nothing: the tenant as every fresh company gets it (statuses,
 * matrix, settings), its trade's kinds of work, one city to rename, the phone channel, the owner and its first event.
 */
export async function createCompany(ctx: OpsContext, input: SignupInput): Promise<{ tenantId: number; user: UserDTO }> {
  // The company and its owner exist only inside the transaction: the event's actor is filled in once they do.
  const actor: Actor = systemActor(0);
  return runOp(ctx, actor, async ({ trx, emit }) => {
    // Sign-ups take turns (they are few, and throttled): two of one name cannot pick the same free slug.
    await trx.raw('select pg_advisory_xact_lock(?)', [SIGNUP_LOCK]);
    if (await trx('users').where({ email: input.email }).first('id')) throw emailTaken();
    const slug = await freeSlug(trx, slugify(input.company));
    const { id: tenantId } = await createTenant(trx, { name: input.company, slug });
    await trx('tenants').where({ id: tenantId }).update({ trade: input.trade });
    await trx('kinds').insert(tradeKinds[input.trade].map((name, position) => ({ tenant_id: tenantId, name, slug: slugify(name), position })));
    await trx('cities').insert({ tenant_id: tenantId, name: STARTER_CITY, slug: slugify(STARTER_CITY), position: 0 });
    // An order needs the channel it came through: the phone is the one every company has.
    await trx('channels').insert({ tenant_id: tenantId, name: 'Телефон', type: 'phone' });
    // A manager invited with this e-mail meanwhile wins on the unique index.
    const user = await createUser(trx, { tenantId, email: input.email, password: input.password, name: input.name, role: 'owner' }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? emailTaken() : error;
    });
    Object.assign(actor, userActor(user));
    await emit('companies.created', null, { company: { id: tenantId, name: input.company, slug, trade: input.trade } });
    return { tenantId, user };
  });
}

/** Any fixed number of the application's own: the lock sign-ups queue on. */
const SIGNUP_LOCK = 14_001;

const emailTaken = () => new DomainError('conflict', 'signup.emailTaken', { field: 'email' });

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';
