import { createCustomer } from '../../../db/customers/createCustomer.ts';
import { mergeCustomers } from '../../../db/customers/mergeCustomers.ts';
import { customerTags, exportCustomers, listCustomers, readCustomerCard } from '../../../db/customers/queries.ts';
import { updateCustomer } from '../../../db/customers/updateCustomer.ts';
import { id } from '../../../shared/schemas/common.ts';
import { createCustomerInput, customerListQuery, mergeCustomersInput, updateCustomerInput } from '../../../shared/schemas/customer.ts';
import { sendCsv } from '../csvDownload.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { customersCsv } from '../../presenters/customerCsv.ts';
import { presentCustomer, presentCustomerCard } from '../../presenters/customer.ts';
import { createRouter } from '../../router.ts';

// The «Клиенты» tab: the list and its file, the tags for its filter, a card, and the card's writes.
export const customerRoutes = createRouter('/api/customers');
customerRoutes.use(requireUser);

customerRoutes.get('/', async (ctx) => {
  const query = customerListQuery.parse(ctx.query);
  const { customers, total } = await listCustomers(ctx.state.deps.db, ctx.state.user.tenantId, query);
  ctx.body = { customers: customers.map(presentCustomer), total, limit: query.limit, offset: query.offset };
});

// Its own requireUser: the router's use() covers /api/customers/…, not /api/customers.csv.
customerRoutes.get('.csv', requireUser, async (ctx) => {
  const { limit: _limit, offset: _offset, ...filters } = customerListQuery.parse(ctx.query); // every match, not one page
  await sendCsv(ctx, 'customers', await exportCustomers(ctx.state.deps.db, ctx.state.user, filters), customersCsv);
});

// Before /:id, which would take "tags" for an id.
customerRoutes.get('/tags', async (ctx) => {
  ctx.body = { tags: await customerTags(ctx.state.deps.db, ctx.state.user.tenantId) };
});

customerRoutes.get('/:id', async (ctx) => {
  ctx.body = { customer: presentCustomerCard(await readCustomerCard(ctx.state.deps.db, ctx.state.user.tenantId, id.parse(ctx.params.id))) };
});

customerRoutes.post('/', async (ctx) => {
  const card = await createCustomer(ctx.state.deps, ctx.state.actor, createCustomerInput.parse(ctx.request.body ?? {}));
  ctx.status = 201;
  ctx.body = { customer: presentCustomerCard(card) };
});

customerRoutes.patch('/:id', async (ctx) => {
  const customerId = id.parse(ctx.params.id);
  const card = await updateCustomer(ctx.state.deps, ctx.state.actor, customerId, updateCustomerInput.parse(ctx.request.body ?? {}));
  ctx.body = { customer: presentCustomerCard(card) };
});

customerRoutes.post('/:id/merge', async (ctx) => {
  const keepId = id.parse(ctx.params.id);
  const { otherId } = mergeCustomersInput.parse(ctx.request.body ?? {});
  ctx.body = { customer: presentCustomerCard(await mergeCustomers(ctx.state.deps, ctx.state.actor, keepId, otherId)) };
});
