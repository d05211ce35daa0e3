import { createReference, deleteReference, listReferences, updateReference, type ReferenceTable } from '../../../db/settings/references.ts';
import { id } from '../../../shared/schemas/common.ts';
import { createReferenceInput, updateReferenceInput } from '../../../shared/schemas/reference.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';

/** The company's cities and kinds of work: everyone reads, the owner edits (checked in the ops). */
function referenceRoutes(table: ReferenceTable) {
  const routes = createRouter(`/api/${table}`);
  const key = table === 'cities' ? 'city' : 'kind';
  routes.use(requireUser);
  routes.get('/', async (ctx) => {
    ctx.body = { [table]: await listReferences(ctx.state.deps.db, ctx.state.user.tenantId, table) };
  });
  routes.post('/', async (ctx) => {
    const ref = await createReference(ctx.state.deps, ctx.state.actor, table, createReferenceInput.parse(ctx.request.body ?? {}));
    ctx.status = 201;
    ctx.body = { [key]: ref };
  });
  routes.patch('/:id', async (ctx) => {
    const input = updateReferenceInput.parse(ctx.request.body ?? {});
    ctx.body = { [key]: await updateReference(ctx.state.deps, ctx.state.actor, table, id.parse(ctx.params.id), input) };
  });
  routes.delete('/:id', async (ctx) => {
    await deleteReference(ctx.state.deps, ctx.state.actor, table, id.parse(ctx.params.id));
    ctx.status = 204;
  });
  return routes;
}

export const cityRoutes = referenceRoutes('cities');
export const kindRoutes = referenceRoutes('kinds');
