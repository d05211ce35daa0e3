import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import type { RefDTO } from '../../shared/types.ts';
import { request } from './http.ts';

type Table = 'cities' | 'kinds';

/** Cities, kinds of work and channels: the references every tab picks from. */
export const refsApi = {
  all: async () => {
    const [cities, kinds, channels] = await Promise.all([
      request<{ cities: RefDTO[] }>('GET', '/api/cities'),
      request<{ kinds: RefDTO[] }>('GET', '/api/kinds'),
      request<{ channels: ChannelAdminDTO[] }>('GET', '/api/channels'),
    ]);
    return { cities: cities.cities, kinds: kinds.kinds, channels: channels.channels };
  },
  create: (table: Table, name: string) => request<Record<string, RefDTO>>('POST', `/api/${table}`, { name }),
  rename: (table: Table, id: number, name: string) => request<Record<string, RefDTO>>('PATCH', `/api/${table}/${id}`, { name }),
  remove: (table: Table, id: number) => request<void>('DELETE', `/api/${table}/${id}`),
};
