import type { ChannelAdminDTO } from '../../shared/crmTypes.ts';
import type { RefDTO } from '../../shared/types.ts';
import { refsApi } from '../api/refs.ts';
import { useLive } from './live.ts';

export interface Refs {
  cities: RefDTO[];
  kinds: RefDTO[];
  channels: ChannelAdminDTO[];
  name: (list: 'cities' | 'kinds' | 'channels', id: number | null) => string;
}

const empty = { cities: [], kinds: [], channels: [] };
const refEvents = /^(cities|kinds|channels)\./;

/** Cities, kinds of work and channels, kept fresh by their events. */
export function useRefs(): Refs {
  const { data = empty } = useLive('refs', refsApi.all, refEvents, []);
  return {
    ...data,
    name: (list, id) => (id === null ? '—' : (data[list] as RefDTO[]).find((item) => item.id === id)?.name ?? `#${id}`),
  };
}
