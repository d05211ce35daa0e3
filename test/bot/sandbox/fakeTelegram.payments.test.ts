// The fake Bot API's payments: invoice, pre-checkout, successful payment.
import test from 'ava';
import { SimulatedUser } from '../../../bot/sandbox/index.ts';
import { fakeTelegramBot, startPolling } from '../../support/fakeTelegramBot.ts';
import { waitFor } from '../../support/wait.ts';

test('payments: invoice, pre-checkout answer, successful payment', async (t) => {
  const { tg, bot, errors } = await fakeTelegramBot(t, { limits: false });
  const paid: string[] = [];
  bot.command('pay', (ctx) => ctx.replyWithInvoice('Подписка', 'Месяц заказов', 'sub:506', 'XTR', [{ label: 'Месяц', amount: 250 }]));
  bot.on('pre_checkout_query', (ctx) => ctx.answerPreCheckoutQuery(true));
  bot.on('message:successful_payment', (ctx) => void paid.push(ctx.message.successful_payment.telegram_payment_charge_id));
  await startPolling(bot);

  const master = new SimulatedUser(tg, { id: 507, firstName: 'Плательщик' });
  master.sendCommand('/pay');
  const invoice = await master.waitFor((message) => message.invoice !== undefined);
  t.deepEqual(invoice.invoice, { title: 'Подписка', description: 'Месяц заказов', payload: 'sub:506', currency: 'XTR', totalAmount: 250 });
  const queryId = master.preCheckout();
  t.like(await master.waitForPreCheckoutAnswer(queryId), { ok: true });
  master.pay({ chargeId: 'charge-1' });
  t.true(await waitFor(() => paid.length > 0));
  t.deepEqual(paid, ['charge-1']);
  t.deepEqual(errors, []);
});
