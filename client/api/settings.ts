import type { z } from 'zod';
import type { SettingsDTO } from '../../shared/crmTypes.ts';
import type { matrixInput, settingsPatchInput, statusesInput } from '../../shared/schemas/settingsInput.ts';
import type { TransitionMatrix } from '../../shared/statuses.ts';
import type { StatusDTO } from '../../shared/types.ts';
import { request } from './http.ts';

export type StatusBody = z.input<typeof statusesInput>['statuses'][number];
type CompanySettings = { company: { name: string; slug: string }; settings: SettingsDTO };
type Statuses = { statuses: StatusDTO[]; matrix: TransitionMatrix };

/** Настройки: the company's settings, its statuses and the moves between them. */
export const settingsApi = {
  get: () => request<CompanySettings>('GET', '/api/settings'),
  save: (patch: z.input<typeof settingsPatchInput>) => request<CompanySettings>('PATCH', '/api/settings', patch),
  statuses: () => request<Statuses>('GET', '/api/settings/statuses'),
  saveStatuses: (statuses: StatusBody[]) => request<Statuses>('PUT', '/api/settings/statuses', { statuses }),
  saveMatrix: (matrix: z.input<typeof matrixInput>['matrix']) => request<{ matrix: TransitionMatrix }>('PUT', '/api/settings/transitions', { matrix }),
};
