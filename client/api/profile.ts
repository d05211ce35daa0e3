import type { StaffAlertSwitches, StaffLinkCodeDTO, StaffTelegramDTO } from '../../shared/staffAlerts.ts';
import { request } from './http.ts';

/** Профиль: the signed-in person's own Telegram link and alert switches. */
export const profileApi = {
  telegram: () => request<StaffTelegramDTO>('GET', '/api/profile/telegram'),
  linkTelegram: () => request<StaffLinkCodeDTO>('POST', '/api/profile/telegram'),
  unlinkTelegram: () => request<void>('DELETE', '/api/profile/telegram'),
  saveAlerts: (patch: Partial<StaffAlertSwitches>) => request<{ alerts: StaffAlertSwitches }>('PATCH', '/api/profile/alerts', patch),
};
