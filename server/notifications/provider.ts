import type { NotificationChannel } from '../../shared/notifications.ts';

export interface OutgoingMessage {
  to: string;
  subject: string | null;
  body: string;
}

/** One way to reach a customer. Resolves with the provider's answer (its message id); rejects with a DeliveryError. */
export interface MessageProvider {
  send(message: OutgoingMessage): Promise<string>;
  close?(): void;
}

/** A provider's refusal: `permanent` when trying again cannot help (a wrong key, a number it will not serve). */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = 'DeliveryError';
    this.permanent = permanent;
  }
}

export type Providers = Partial<Record<NotificationChannel, MessageProvider>>;
