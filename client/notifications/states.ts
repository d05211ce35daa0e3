import type { NotificationState as State } from '../../shared/notifications.ts';
import type { MessageKey } from '../i18n/index.ts';

/** A message's state in words, and the pill it wears. */
export const stateLabel: Record<State, MessageKey> = {
  queued: 'notifications.state.queued',
  sent: 'notifications.state.sent',
  failed: 'notifications.state.failed',
  logged: 'notifications.state.logged',
};

export const statePill: Record<State, string> = {
  queued: 'pill--pending',
  sent: 'pill--approved',
  failed: 'pill--blocked',
  logged: 'pill--expense',
};

/** Pushes that change a list of messages. */
export const notificationEvents = /^notifications\./;
