import { jsonHeaders, qs } from './http.ts';

export interface CsvRowError {
  line: number;
  field: string;
  message: string;
}

export type ImportAnswer = { ok: true; created: number; updated: number } | { ok: false; message: string; errors: CsvRowError[] };

/** CSV import keeps the server's row-level errors, which the generic helper drops. */
export async function importPrices(csv: string, replace: boolean): Promise<ImportAnswer> {
  const response = await fetch(`/api/prices/import${qs({ replace })}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: jsonHeaders('POST'),
    body: JSON.stringify({ csv }),
  });
  const body = (await response.json().catch(() => ({}))) as { created?: number; updated?: number; error?: { message?: string; errors?: CsvRowError[] } };
  if (response.ok) return { ok: true, created: body.created ?? 0, updated: body.updated ?? 0 };
  return { ok: false, message: body.error?.message ?? `HTTP ${response.status}`, errors: body.error?.errors ?? [] };
}
