import { connectBot } from '../../../db/bots/connectBot.ts';
import type { BotOpsContext } from '../../../db/bots/connection.ts';
import { disconnectBot } from '../../../db/bots/disconnectBot.ts';
import { companyBotStatus } from '../../../db/bots/status.ts';
import { connectBotInput } from '../../../shared/schemas/companyBot.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { createRouter } from '../../router.ts';
import type { AppDeps } from '../../state.ts';

// Настройки «Telegram-бот»: the owner connects, replaces and disconnects the company's own bot
// (owner only, checked in the ops). The token goes in and never comes back out.
export const companyBotRoutes = createRouter('/api/settings/bot');
companyBotRoutes.use(requireUser);

// The embedded start's sandbox is the Telegram its bots live in, unless another is configured.
const botContext = (deps: AppDeps): BotOpsContext => ({ ...deps, apiRoot: deps.sandbox?.apiRoot ?? deps.config.TELEGRAM_API_ROOT });

companyBotRoutes.get('/', async (ctx) => {
  ctx.body = await companyBotStatus(ctx.state.deps.db, ctx.state.actor, ctx.state.deps.config.WEBHOOK_BASE_URL);
});

companyBotRoutes.put('/', async (ctx) => {
  const { token } = connectBotInput.parse(ctx.request.body ?? {});
  ctx.body = await connectBot(botContext(ctx.state.deps), ctx.state.actor, token);
});

companyBotRoutes.delete('/', async (ctx) => {
  await disconnectBot(botContext(ctx.state.deps), ctx.state.actor);
  ctx.status = 204;
});
