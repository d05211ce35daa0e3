import type { Knex } from 'knex';
import type { CreateReferenceInput, UpdateReferenceInput } from '../../shared/schemas/reference.ts';
import { slugify } from '../../shared/slug.ts';
import type { RefDTO } from '../../shared/types.ts';
import type { Actor } from '../core/actor.ts';
import type { OpsContext } from '../core/context.ts';
import { DomainError, notFound } from '../core/errors.ts';
import { assertOwner } from '../core/owner.ts';
import { runOp } from '../core/runOp.ts';

// Cities and kinds of work: the same shape, the same rules, their own events.
export type ReferenceTable = 'cities' | 'kinds';

/** The company's cities or kinds in the board's order. */
export function listReferences(db: Knex, tenantId: number, table: ReferenceTable): Promise<(RefDTO & { position: number })[]> {
  return db(table).where({ tenant_id: tenantId }).orderBy(['position', 'id']).select('id', 'name', 'slug', 'position');
}

const what = { cities: 'City', kinds: 'Kind' } as const;

const toRefDTO = (row: { id: number; name: string; slug: string }): RefDTO => ({ id: row.id, name: row.name, slug: row.slug });

async function assertSlugFree(trx: Knex.Transaction, table: ReferenceTable, tenantId: number, slug: string, exceptId?: number) {
  if (!slug) throw new DomainError('invalid', 'ref.slugLatin', { field: 'slug' });
  const query = trx(table).where({ tenant_id: tenantId, slug });
  if (exceptId !== undefined) query.whereNot({ id: exceptId });
  if (await query.first('id')) throw new DomainError('conflict', { key: 'ref.slugTaken', params: { table, slug } }, { field: 'slug' });
}

/** The owner adds a city or a kind of work; it joins the end of the list unless placed. */
export async function createReference(ctx: OpsContext, actor: Actor, table: ReferenceTable, input: CreateReferenceInput): Promise<RefDTO> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const slug = input.slug ?? slugify(input.name);
    await assertSlugFree(trx, table, actor.tenantId, slug);
    const [{ max }] = await trx(table).where({ tenant_id: actor.tenantId }).max({ max: 'position' });
    const [row] = await trx(table)
      .insert({ tenant_id: actor.tenantId, name: input.name, slug, position: input.position ?? (max === null ? 0 : Number(max) + 1) })
      .returning(['id', 'name', 'slug']);
    const ref = toRefDTO(row);
    if (table === 'cities') await emit('cities.created', null, { city: ref });
    else await emit('kinds.created', null, { kind: ref });
    return ref;
  });
}

export async function updateReference(ctx: OpsContext, actor: Actor, table: ReferenceTable, id: number, input: UpdateReferenceInput): Promise<RefDTO> {
  return runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const existing = await trx(table).where({ id, tenant_id: actor.tenantId }).forUpdate().first('id');
    if (!existing) throw notFound(what[table]);
    if (input.slug !== undefined) await assertSlugFree(trx, table, actor.tenantId, input.slug, id);
    const [row] = await trx(table).where({ id }).update(input).returning(['id', 'name', 'slug']);
    const ref = toRefDTO(row);
    const fields = Object.keys(input);
    if (table === 'cities') await emit('cities.updated', null, { city: ref, fields });
    else await emit('kinds.updated', null, { kind: ref, fields });
    return ref;
  });
}

/** A city or kind that orders use stays; its price items and masters' links go with it. */
export async function deleteReference(ctx: OpsContext, actor: Actor, table: ReferenceTable, id: number): Promise<void> {
  await runOp(ctx, actor, async ({ trx, emit }) => {
    await assertOwner(trx, actor);
    const existing = await trx(table).where({ id, tenant_id: actor.tenantId }).forUpdate().first('id');
    if (!existing) throw notFound(what[table]);
    const column = table === 'cities' ? 'city_id' : 'kind_id';
    const used = await trx('orders').where({ tenant_id: actor.tenantId, [column]: id }).first('id');
    if (used) throw new DomainError('conflict', { key: 'ref.inUse', params: { table } });
    // Expenses keep their money, they just stop naming the city.
    if (table === 'cities') await trx('expenses').where({ tenant_id: actor.tenantId, city_id: id }).update({ city_id: null });
    await trx(table).where({ id }).delete();
    if (table === 'cities') await emit('cities.deleted', null, { id });
    else await emit('kinds.deleted', null, { id });
  });
}
