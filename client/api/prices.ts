import type { z } from 'zod';
import type { PriceItemDTO } from '../../shared/crmTypes.ts';
import type { copyPriceListInput, createPriceItemInput, updatePriceItemInput } from '../../shared/schemas/price.ts';
import { qs, request } from './http.ts';

/** Прайс-лист: a city's items, edited one by one or copied from another city. */
export const pricesApi = {
  list: (cityId: number) => request<{ items: PriceItemDTO[] }>('GET', `/api/prices${qs({ cityId })}`),
  create: (body: z.input<typeof createPriceItemInput>) => request<{ item: PriceItemDTO }>('POST', '/api/prices', body),
  update: (id: number, body: z.input<typeof updatePriceItemInput>) => request<{ item: PriceItemDTO }>('PATCH', `/api/prices/${id}`, body),
  remove: (id: number) => request<void>('DELETE', `/api/prices/${id}`),
  copy: (body: z.input<typeof copyPriceListInput>) => request<{ count: number }>('POST', '/api/prices/copy', body),
};
