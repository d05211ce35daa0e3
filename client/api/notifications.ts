import type { NotificationDTO, NotificationSettingsDTO } from '../../shared/notifications.ts';
import { qs, request, type Query } from './http.ts';

/** Messages to customers: what was sent, queued, failed or only logged, and the templates with their delivery settings. */
export const notificationsApi = {
  list: (query: Query) => request<{ notifications: NotificationDTO[]; total: number }>('GET', `/api/notifications${qs(query)}`),
  settings: () => request<NotificationSettingsDTO>('GET', '/api/settings/notifications'),
  saveSettings: (body: Partial<Omit<NotificationSettingsDTO, 'configured'>>) => request<NotificationSettingsDTO>('PUT', '/api/settings/notifications', body),
};
