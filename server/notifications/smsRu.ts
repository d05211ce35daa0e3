import { DeliveryError, type MessageProvider } from './provider.ts';

// SMS.ru's answers (https://sms.ru/api/send) that another try will not change: a wrong api_id,
// a wrong or unserved number, an empty text, a sender name not approved, the number's daily limit.
const PERMANENT = new Set([200, 202, 203, 204, 207, 208, 230, 231]);

interface SmsRuAnswer {
  status?: string;
  status_code?: number;
  status_text?: string;
  sms?: Record<string, { status?: string; status_code?: number; status_text?: string; sms_id?: string }>;
}

/** SMS over SMS.ru's HTTP API (SMS_API_URL, SMS_API_KEY), with its JSON answer. */
export function smsRuProvider(url: string, apiKey: string, timeoutMs = 15_000): MessageProvider {
  return {
    async send(message) {
      const to = message.to.replace(/\D/g, '');
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          body: new URLSearchParams({ api_id: apiKey, to, msg: message.body, json: '1' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new DeliveryError(`SMS.ru: ${(error as Error).message}`, false);
      }
      const answer = (await response.json().catch(() => null)) as SmsRuAnswer | null;
      if (!response.ok || !answer) throw new DeliveryError(`SMS.ru: HTTP ${response.status}`, response.status >= 400 && response.status < 500 && response.status !== 429);
      const sms = answer.sms?.[to];
      const refusal = answer.status !== 'OK' ? answer : sms?.status !== 'OK' ? sms : undefined;
      if (refusal !== undefined) {
        const code = refusal?.status_code;
        throw new DeliveryError(`SMS.ru ${code ?? '?'}: ${refusal?.status_text ?? 'no answer for this number'}`, code !== undefined && PERMANENT.has(code));
      }
      return sms!.sms_id ?? 'OK';
    },
  };
}
