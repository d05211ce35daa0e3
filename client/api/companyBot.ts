import type { CompanyBotDTO } from '../../shared/companyBot.ts';
import { request } from './http.ts';

/** The company's own Telegram bot (owner only): the token goes in and never comes back. */
export const companyBotApi = {
  get: () => request<CompanyBotDTO>('GET', '/api/settings/bot'),
  connect: (token: string) => request<CompanyBotDTO>('PUT', '/api/settings/bot', { token }),
  disconnect: () => request<void>('DELETE', '/api/settings/bot'),
};
