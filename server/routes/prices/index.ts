import { assertCanWrite } from '../../../db/core/actor.ts';
import { copyPriceList } from '../../../db/prices/copyPriceList.ts';
import { createPriceItem } from '../../../db/prices/createPriceItem.ts';
import { deletePriceItem } from '../../../db/prices/deletePriceItem.ts';
import { importPriceList } from '../../../db/prices/importPriceList.ts';
import { toPriceItemDTO } from '../../../db/prices/priceItemRecord.ts';
import { listPriceItems, priceFileRows } from '../../../db/prices/queries.ts';
import { updatePriceItem } from '../../../db/prices/updatePriceItem.ts';
import { id } from '../../../shared/schemas/common.ts';
import {
  copyPriceListInput,
  createPriceItemInput,
  exportPriceQuery,
  importPriceQuery,
  priceListQuery,
  updatePriceItemInput,
} from '../../../shared/schemas/price.ts';
import { requestLanguage } from '../../i18n/language.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';
import { csvToImportRows, priceListCsv, readCsvBody } from './csv.ts';

export const priceRoutes = createRouter('/api/prices');
priceRoutes.use(requireUser);

priceRoutes.get('/', async (ctx) => {
  const query = priceListQuery.parse(ctx.query);
  ctx.body = { items: (await listPriceItems(ctx.state.deps.db, ctx.state.user.tenantId, query)).map(toPriceItemDTO) };
});

priceRoutes.get('/export', async (ctx) => {
  const query = exportPriceQuery.parse(ctx.query);
  const rows = await priceFileRows(ctx.state.deps.db, ctx.state.user.tenantId, query.cityId);
  const csv = priceListCsv(rows, query.lang ?? requestLanguage(ctx));
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
  assertCanWrite(ctx.state.actor); // before parsing the file
  const rows = csvToImportRows(readCsvBody(ctx));
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
