// Each route's request schemas, for the fuzzer to shape its bodies and queries (test/server/fuzz.test.ts).
import fc from 'fast-check';
import { z } from 'zod';
import { loginInput } from '../../shared/schemas/auth.ts';
import { signupInput } from '../../shared/schemas/signup.ts';
import { createChannelInput, updateChannelInput } from '../../shared/schemas/channel.ts';
import { createCustomerInput, customerListQuery, mergeCustomersInput, updateCustomerInput } from '../../shared/schemas/customer.ts';
import { createExpenseInput, expenseListQuery, updateExpenseInput } from '../../shared/schemas/expense.ts';
import { createWallInput, inviteManagerInput, updateManagerInput } from '../../shared/schemas/manager.ts';
import { createMasterInput, masterListQuery, updateMasterInput } from '../../shared/schemas/master.ts';
import { blockMasterInput, chatHistoryQuery, chatMessageInput, chatReadInput } from '../../shared/schemas/moderation.ts';
import { assignOrderInput, cancelOrderInput, createOrderRequest, dispatchOrderInput, markPaidInput, moveOrderInput, orderListQuery, updateOrderInput } from '../../shared/schemas/order.ts';
import { copyPriceListInput, createPriceItemInput, exportPriceQuery, importPriceQuery, priceListQuery, updatePriceItemInput } from '../../shared/schemas/price.ts';
import { publicCityQuery, publicOrderInput, publicWorksQuery } from '../../shared/schemas/publicOrder.ts';
import { requestFormInput } from '../../shared/schemas/requestForm.ts';
import { createReferenceInput, updateReferenceInput } from '../../shared/schemas/reference.ts';
import { orderReportQuery, profitabilityQuery, revenueQuery } from '../../shared/schemas/report.ts';
import { correctPointsInput, spendPointsInput } from '../../shared/schemas/bonus.ts';
import { notificationListQuery, notificationSettingsInput } from '../../shared/schemas/notifications.ts';
import { matrixInput, settingsPatchInput, statusesInput } from '../../shared/schemas/settingsInput.ts';
import { alertsPatchInput } from '../../shared/schemas/staffAlerts.ts';
import { connectBotInput } from '../../shared/schemas/companyBot.ts';
import { photoInput, tapInput, textInput } from '../../server/routes/sandbox/schema.ts';
import { hostileValue } from './fuzzValues.ts';

export interface RouteSpec {
  /** The body a valid request would carry (hostile ones are made from it). */
  body?: z.ZodType;
  query?: z.ZodType;
  /** Body values generated here instead of from a schema (the CSV import's `{ csv }`). */
  bodyValues?: fc.Arbitrary<unknown>;
}

const s = (body?: z.ZodType, query?: z.ZodType): RouteSpec => ({ body, query });
const replayQuery = z.strictObject({ after: z.coerce.number().int().min(0) }); // server/routes/events keeps its own

const csvLine = fc.array(fc.oneof(fc.constantFrom('Москва', 'moskva', 'Сантехника', 'Замена крана', 'шт', '1500', '1 500,50'), hostileValue.map(String)), { minLength: 1, maxLength: 6 }).map((cells) => cells.join(';'));
const csvBody = fc.array(csvLine, { maxLength: 4 }).map((lines) => ({ csv: ['city;kind;name;unit;price', ...lines].join('\n') }));

export const specs: Record<string, RouteSpec> = {
  'POST /api/auth/login': s(loginInput),
  'POST /api/signup': s(signupInput),
  'GET /api/onboarding': s(),
  'POST /api/onboarding/hide': s(),
  'POST /api/auth/logout': s(),
  'GET /api/me': s(),
  'GET /healthz': s(),
  'GET /api/board': s(),
  'GET /api/events': s(undefined, replayQuery),
  'GET /api/orders': s(undefined, orderListQuery),
  'GET /api/orders.csv': s(undefined, orderListQuery),
  'GET /api/orders/:id/customer-orders': s(),
  'GET /api/orders/:id': s(),
  'POST /api/orders': s(createOrderRequest),
  'PATCH /api/orders/:id': s(updateOrderInput),
  'POST /api/orders/:id/move': s(moveOrderInput),
  'POST /api/orders/:id/dispatch': s(dispatchOrderInput),
  'POST /api/orders/:id/cancel': s(cancelOrderInput),
  'POST /api/orders/:id/mark-paid': s(markPaidInput),
  'GET /api/orders/:id/candidates': s(),
  'POST /api/orders/:id/assign': s(assignOrderInput),
  'GET /api/orders/:id/photos': s(),
  'GET /api/orders/:id/photos/:photoId': s(),
  'POST /api/orders/:id/photos/:photoId/approve': s(),
  'POST /api/orders/:id/photos/:photoId/unapprove': s(),
  'OPTIONS /api/public/orders': s(),
  'OPTIONS /api/public/prices': s(),
  'OPTIONS /api/public/works': s(),
  'OPTIONS /api/public/photos/:id': s(),
  'POST /api/public/orders': s(publicOrderInput),
  'GET /api/public/prices': s(undefined, publicCityQuery),
  'GET /api/public/works': s(undefined, publicWorksQuery),
  'GET /api/public/photos/:id': s(),
  'GET /p/:tenant/prices/:city': s(),
  'GET /p/:tenant/order': s(),
  'POST /p/:tenant/order': s(requestFormInput),
  'GET /t/:token': s(),
  'GET /api/masters': s(undefined, masterListQuery),
  'GET /api/masters/:id': s(),
  'POST /api/masters': s(createMasterInput),
  'PATCH /api/masters/:id': s(updateMasterInput),
  'POST /api/masters/:id/approve': s(),
  'POST /api/masters/:id/block': s(blockMasterInput),
  'GET /api/masters/:id/messages': s(undefined, chatHistoryQuery),
  'POST /api/masters/:id/messages': s(chatMessageInput),
  'GET /api/masters/unread': s(),
  'POST /api/masters/:id/messages/read': s(chatReadInput),
  'GET /sandbox': s(),
  'GET /sandbox/api/people': s(),
  'POST /sandbox/api/people': s(),
  'GET /sandbox/api/chats/:userId': s(),
  'POST /sandbox/api/chats/:userId/text': s(textInput),
  'POST /sandbox/api/chats/:userId/contact': s(),
  'POST /sandbox/api/chats/:userId/photo': s(photoInput),
  'POST /sandbox/api/chats/:userId/tap': s(tapInput),
  'POST /sandbox/api/chats/:userId/pay': s(),
  'GET /sandbox/api/files/:fileId': s(),
  'GET /api/prices': s(undefined, priceListQuery),
  'GET /api/prices/export': s(undefined, exportPriceQuery),
  'POST /api/prices': s(createPriceItemInput),
  'POST /api/prices/copy': s(copyPriceListInput),
  'POST /api/prices/import': { query: importPriceQuery, bodyValues: csvBody },
  'PATCH /api/prices/:id': s(updatePriceItemInput),
  'DELETE /api/prices/:id': s(),
  'GET /api/channels': s(),
  'POST /api/channels': s(createChannelInput),
  'PATCH /api/channels/:id': s(updateChannelInput),
  'POST /api/channels/:id/rotate-key': s(),
  'GET /api/expenses': s(undefined, expenseListQuery),
  'POST /api/expenses': s(createExpenseInput),
  'PATCH /api/expenses/:id': s(updateExpenseInput),
  'DELETE /api/expenses/:id': s(),
  'GET /api/reports/profitability': s(undefined, profitabilityQuery),
  'GET /api/reports/orders': s(undefined, orderReportQuery),
  'GET /api/reports/revenue': s(undefined, revenueQuery),
  'GET /api/settings': s(),
  'PATCH /api/settings': s(settingsPatchInput),
  'GET /api/settings/statuses': s(),
  'PUT /api/settings/statuses': s(statusesInput),
  'PUT /api/settings/transitions': s(matrixInput),
  'GET /api/settings/notifications': s(),
  'PUT /api/settings/notifications': s(notificationSettingsInput),
  'GET /api/notifications': s(undefined, notificationListQuery),
  'GET /api/managers': s(),
  'POST /api/managers': s(inviteManagerInput),
  'PATCH /api/managers/:id': s(updateManagerInput),
  'POST /api/managers/:id/reset-password': s(),
  'GET /api/walls': s(),
  'POST /api/walls': s(createWallInput),
  'DELETE /api/walls/:id': s(),
  'GET /api/wall/:token': s(),
  'GET /api/cities': s(),
  'POST /api/cities': s(createReferenceInput),
  'PATCH /api/cities/:id': s(updateReferenceInput),
  'DELETE /api/cities/:id': s(),
  'GET /api/kinds': s(),
  'POST /api/kinds': s(createReferenceInput),
  'PATCH /api/kinds/:id': s(updateReferenceInput),
  'DELETE /api/kinds/:id': s(),
  'GET /api/customers': s(undefined, customerListQuery),
  'GET /api/customers.csv': s(undefined, customerListQuery),
  'GET /api/customers/tags': s(),
  'GET /api/customers/:id': s(),
  'POST /api/customers': s(createCustomerInput),
  'PATCH /api/customers/:id': s(updateCustomerInput),
  'POST /api/customers/:id/merge': s(mergeCustomersInput),
  'GET /api/customers/:id/bonus': s(),
  'POST /api/customers/:id/bonus/spend': s(spendPointsInput),
  'POST /api/customers/:id/bonus/correct': s(correctPointsInput),
  'GET /api/profile/telegram': s(),
  'POST /api/profile/telegram': s(),
  'DELETE /api/profile/telegram': s(),
  'PATCH /api/profile/alerts': s(alertsPatchInput),
  'GET /api/settings/bot': s(),
  'PUT /api/settings/bot': s(connectBotInput),
  'DELETE /api/settings/bot': s(),
  'POST /tg/:botId': s(),
};
