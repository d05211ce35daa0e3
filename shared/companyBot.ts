/** GET /api/settings/bot: the company's bot as the owner sees it; the token never leaves the server. */
export type CompanyBotDTO =
  | { connected: false }
  | { connected: true; username: string; telegramBotId: number; connectedAt: string; mode: 'webhook' | 'polling' };
