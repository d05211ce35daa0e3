import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST to /sms/send as SMS.ru receives it. */
export interface SmsRuRequest {
  apiId: string;
  to: string;
  msg: string;
}

/** How the fake answers one request: an HTTP status and SMS.ru's JSON (or a body that is not JSON). */
export type SmsRuReply = { status: number; body: unknown };

export interface FakeSmsRu {
  /** SMS_API_URL. */
  url: string;
  received: SmsRuRequest[];
  /** Replies queued per recipient (digits, as SMS.ru gets them); when none is left: OK. */
  replies: Map<string, SmsRuReply[]>;
  close(): Promise<void>;
}

let nextId = 1;
export const smsRuOk = (to: string): SmsRuReply => ({
  status: 200,
  body: { status: 'OK', status_code: 100, sms: { [to]: { status: 'OK', status_code: 100, sms_id: `0000-${nextId++}` } }, balance: 100.5 },
});
/** The request's own refusal (a wrong api_id is 200, an overloaded service 220). */
export const smsRuError = (code: number, text: string): SmsRuReply => ({ status: 200, body: { status: 'ERROR', status_code: code, status_text: text } });
/** The number's refusal inside an OK answer (207: the number cannot be served). */
export const smsRuNumberError = (to: string, code: number, text: string): SmsRuReply => ({
  status: 200,
  body: { status: 'OK', status_code: 100, sms: { [to]: { status: 'ERROR', status_code: code, status_text: text } } },
});

/** A local HTTP server playing SMS.ru's send method (form POST, `json=1` answers). */
export async function startFakeSmsRu(): Promise<FakeSmsRu> {
  const received: SmsRuRequest[] = [];
  const replies = new Map<string, SmsRuReply[]>();
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      const request = { apiId: form.get('api_id') ?? '', to: form.get('to') ?? '', msg: form.get('msg') ?? '' };
      received.push(request);
      const reply = replies.get(request.to)?.shift() ?? smsRuOk(request.to);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    received,
    replies,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
