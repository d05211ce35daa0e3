import nodemailer from 'nodemailer';
import { DeliveryError, type MessageProvider } from './provider.ts';

/** E-mail over SMTP (SMTP_URL: smtp://user:pass@host:587, smtps://… for TLS from the start). */
export function smtpProvider(url: string, from: string): MessageProvider {
  // Bounded well inside the sender's lease, so a hung server cannot outlast it and be tried twice at once.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from, to: message.to, subject: message.subject ?? '', text: message.body });
        return `${info.messageId} ${info.response}`.trim();
      } catch (error) {
        const { responseCode, message: text } = error as { responseCode?: number; message: string };
        // 5xx is the server's "no" (a mailbox that does not exist); 4xx and a lost connection may pass later.
        throw new DeliveryError(`SMTP: ${text}`, responseCode !== undefined && responseCode >= 500);
      }
    },
    close: () => transport.close(),
  };
}
