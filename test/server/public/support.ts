import type { Knex } from 'knex';
import { hashApiKey, newApiKey } from '../../../db/channels/apiKeys.ts';

/** A website channel with a fresh API key for the tenant. */
export async function buildWebsiteChannel(db: Knex, tenantId: number): Promise<{ id: number; apiKey: string }> {
  const apiKey = newApiKey();
  const [channel] = await db('channels')
    .insert({ tenant_id: tenantId, name: 'Сайт', type: 'website', api_key_hash: hashApiKey(apiKey) })
    .returning('id');
  return { id: channel.id, apiKey };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

/** A website's call: its own headers, no cookies. */
export async function call(baseUrl: string, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<RawResponse> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: Record<string, any> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}
