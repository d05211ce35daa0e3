import type { Context, Next } from 'koa';
import { DomainError, notFound } from '../../../db/core/errors.ts';
import { requireUser } from '../../middlewares/auth.ts';
import { requestLanguage } from '../../i18n/language.ts';
import { createRouter } from '../../router.ts';
import type { AppState } from '../../state.ts';
import { loginFirstPage, noBotPage, sandboxPage } from './page.ts';
import type { SandboxCompany } from './sandbox.ts';
import { newcomerInput, photoInput, tapInput, textInput, userIdParam } from './schema.ts';

// /sandbox: the built-in Telegram of the all-in-one start (see sandboxWanted in db/config.ts). A
// logged-in manager picks one of his company's masters (or a newcomer) and uses the company's bot
// as in Telegram; never another company's. Absent (404) whenever the bots talk to the real Telegram.
export const sandboxRoutes = createRouter();

type SandboxState = AppState & { sandbox: SandboxCompany };

/** The sandbox lists masters with their phones and taps for them: the logged-in manager's own company only. */
async function requireSandbox(ctx: Context & { state: SandboxState }, next: Next): Promise<void> {
  const sandbox = ctx.state.deps.sandbox;
  if (!sandbox) throw notFound('Sandbox');
  await requireUser(ctx, async () => {
    const company = await sandbox.company(ctx.state.user.tenantId);
    if (!company) throw new DomainError('forbidden', 'sandbox.noBot');
    ctx.state.sandbox = company;
    await next();
  });
}

/**
 * A person who opens the page before logging in is sent to the board's login, not shown JSON; a
 * manager whose company has no bot in the sandbox is told how to connect one.
 */
async function loginFirst(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    if (!(error instanceof DomainError) || (error.code !== 'unauthorized' && error.code !== 'forbidden')) throw error;
    ctx.status = error.code === 'unauthorized' ? 401 : 403;
    ctx.type = 'html';
    ctx.body = (error.code === 'unauthorized' ? loginFirstPage : noBotPage)(requestLanguage(ctx));
  }
}

function chatUser(ctx: Context & { state: SandboxState }): number {
  const userId = userIdParam.parse(ctx.params.userId);
  if (!ctx.state.sandbox.has(userId)) throw notFound('Chat');
  return userId;
}

sandboxRoutes.get('/sandbox', loginFirst, requireSandbox, (ctx) => {
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = sandboxPage;
});

sandboxRoutes.get('/sandbox/api/people', requireSandbox, async (ctx) => {
  const { sandbox } = ctx.state as SandboxState;
  ctx.body = { people: await sandbox.people(), bot: sandbox.botProfile };
});

sandboxRoutes.post('/sandbox/api/people', requireSandbox, (ctx) => {
  const { language } = newcomerInput.parse(ctx.request.body ?? {});
  ctx.status = 201;
  ctx.body = { person: (ctx.state as SandboxState).sandbox.newcomer(language) };
});

sandboxRoutes.get('/sandbox/api/chats/:userId', requireSandbox, (ctx) => {
  ctx.set('cache-control', 'no-store');
  ctx.body = (ctx.state as SandboxState).sandbox.chat(chatUser(ctx));
});

sandboxRoutes.post('/sandbox/api/chats/:userId/text', requireSandbox, (ctx) => {
  const userId = chatUser(ctx);
  const { text } = textInput.parse(ctx.request.body ?? {});
  const user = (ctx.state as SandboxState).sandbox.user(userId);
  // A command with its words, as Telegram marks one: `/start staff_<code>`, `/balance +7 916…`.
  const command = /^(\/\w+)(?:\s+([^]+))?$/.exec(text);
  if (command) user.sendCommand(command[1]!, command[2]);
  else user.sendText(text);
  ctx.status = 204;
});

sandboxRoutes.post('/sandbox/api/chats/:userId/contact', requireSandbox, async (ctx) => {
  await (ctx.state as SandboxState).sandbox.shareContact(chatUser(ctx));
  ctx.status = 204;
});

sandboxRoutes.post('/sandbox/api/chats/:userId/photo', requireSandbox, (ctx) => {
  const userId = chatUser(ctx);
  const { base64 } = photoInput.parse(ctx.request.body ?? {});
  (ctx.state as SandboxState).sandbox.user(userId).sendPhoto(new Uint8Array(Buffer.from(base64, 'base64')));
  ctx.status = 204;
});

sandboxRoutes.post('/sandbox/api/chats/:userId/tap', requireSandbox, (ctx) => {
  const userId = chatUser(ctx);
  const { messageId, data } = tapInput.parse(ctx.request.body ?? {});
  try {
    (ctx.state as SandboxState).sandbox.user(userId).tap(messageId, data);
  } catch {
    // The button is gone (the message was edited meanwhile): as in Telegram, nothing happens.
    throw new DomainError('conflict', 'sandbox.buttonGone');
  }
  ctx.status = 204;
});

sandboxRoutes.post('/sandbox/api/chats/:userId/pay', requireSandbox, async (ctx) => {
  ctx.body = await (ctx.state as SandboxState).sandbox.pay(chatUser(ctx));
});

sandboxRoutes.get('/sandbox/api/files/:fileId', requireSandbox, (ctx) => {
  const file = (ctx.state as SandboxState).sandbox.file(String(ctx.params.fileId));
  if (!file) throw notFound('File');
  ctx.type = file.mime;
  ctx.set('cache-control', 'private, max-age=3600');
  ctx.body = Buffer.from(file.bytes);
});
