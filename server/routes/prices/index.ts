import { assertCanWrite } from '../../../db/ops/actor.ts';
import { copyPriceList } from '../../../db/ops/copyPriceList.ts';
import { createPriceItem } from '../../../db/ops/createPriceItem.ts';
import { deletePriceItem } from '../../../db/ops/deletePriceItem.ts';
import { importPriceList } from '../../../db/ops/importPriceList.ts';
import { toPriceItemDTO } from '../../../db/ops/priceItemRecord.ts';
import { updatePriceItem } from '../../../db/ops/updatePriceItem.ts';
import { id } from '../../../shared/schemas/common.ts';
import {
  copyPriceListInput,
  createPriceItemInput,
  exportPriceQuery,
  importPriceQuery,
  priceListQuery,
  updatePriceItemInput,
} from '../../../shared/schemas/price.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';
import { csvToImportRows, priceListCsv, readCsvBody } from './csv.ts';

export const priceRoutes = createRouter('/api/prices');
priceRoutes.use(requireUser);

priceRoutes.get('/', async (ctx) => {
  const query = priceListQuery.parse(ctx.query);
  const { db } = ctx.state.deps;
  const rows = db('price_items as p')
    .join('kinds as k', 'k.id', 'p.kind_id')
    .where('p.tenant_id', ctx.state.user.tenantId)
    .orderBy([{ column: 'p.city_id' }, { column: 'k.position' }, { column: 'k.id' }, { column: 'p.position' }, { column: 'p.id' }])
    .select('p.*');
  if (query.cityId) rows.where('p.city_id', query.cityId);
  if (query.kindId) rows.where('p.kind_id', query.kindId);
  ctx.body = { items: (await rows).map(toPriceItemDTO) };
});

priceRoutes.get('/export', async (ctx) => {
  const query = exportPriceQuery.parse(ctx.query);
  const csv = await priceListCsv(ctx.state.deps.db, ctx.state.user.tenantId, query.cityId);
  ctx.type = 'text/csv; charset=utf-8';
  ctx.attachment(`prices${query.cityId ? `-${query.cityId}` : ''}.csv`);
  ctx.body = csv;
});

priceRoutes.post('/', async (ctx) => {
  const item = await createPriceItem(ctx.state.deps, ctx.state.actor, createPriceItemInput.parse(ctx.request.body ?? {}));
  ctx.status = 201;
  ctx.body = { item };
});

priceRoutes.post('/copy', async (ctx) => {
  ctx.body = await copyPriceList(ctx.state.deps, ctx.state.actor, copyPriceListInput.parse(ctx.request.body ?? {}));
});

priceRoutes.post('/import', async (ctx) => {
  const query = importPriceQuery.parse(ctx.query);
  assertCanWrite(ctx.state.actor); // before reading the file
  const rows = csvToImportRows(await readCsvBody(ctx));
  ctx.body = await importPriceList(ctx.state.deps, ctx.state.actor, rows, query);
});

priceRoutes.patch('/:id', async (ctx) => {
  const input = updatePriceItemInput.parse(ctx.request.body ?? {});
  ctx.body = { item: await updatePriceItem(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id), input) };
});

priceRoutes.delete('/:id', async (ctx) => {
  await deletePriceItem(ctx.state.deps, ctx.state.actor, id.parse(ctx.params.id));
  ctx.status = 204;
});
