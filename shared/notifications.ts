// Messages to customers: the shapes the board reads and the one renderer both the sender and the
// settings' live preview use, so what the owner previews is what the customer gets.

export const NOTIFICATION_CHANNELS = ['sms', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATES = ['queued', 'sent', 'failed', 'logged'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];
/** The template sent when bonus points are credited (welcome, cashback), beside the statuses' ones. */
export const BONUS_TEMPLATE = 'bonus';

export const TEMPLATE_VARIABLES = ['number', 'status', 'date', 'master', 'phone', 'bonus', 'link'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVariables = Record<TemplateVariable, string>;

export interface NotificationDTO {
  id: number;
  orderId: number | null;
  orderNumber: number | null;
  customerId: number;
  customerName: string;
  channel: NotificationChannel;
  to: string;
  state: NotificationState;
  /** The last failed try's reason (while retries remain), or why it gave up. */
  error: string | null;
  subject: string | null;
  body: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  /** Not before this moment: quiet hours or the next retry. */
  sendAfter: string;
}

export interface NotificationTemplateDTO {
  /** A status code of the company, or `bonus`. */
  status: string;
  channel: NotificationChannel;
  enabled: boolean;
  /** E-mail only. */
  subject: string;
  body: string;
}

export interface NotificationSettingsDTO {
  templates: NotificationTemplateDTO[];
  quietHours: { from: string; to: string };
  smsProvider: 'smsru' | 'none';
  emailProvider: 'smtp' | 'none';
  /** Whether the server has the provider's address and key (SMTP_URL, SMS_API_KEY). */
  configured: { sms: boolean; email: boolean };
}

/** `{{name}}` → its value; an unknown name stays as typed, so a typo shows in the preview. */
export function renderTemplate(template: string, vars: Partial<TemplateVariables>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = (vars as Record<string, string | undefined>)[name];
    return value === undefined ? whole : value;
  });
}

/** What the preview fills the variables with. */
export function sampleVariables(lang: 'ru' | 'en' = 'ru'): TemplateVariables {
  return lang === 'en'
    ? { number: '1042', status: 'Accepted', date: '5 December, 10:00–12:00', master: 'Ivan', phone: '+7 495 123-45-67', bonus: '350', link: 'https://naryad.example/t/3f9a…' }
    : { number: '1042', status: 'Принят в работу', date: '5 декабря, 10:00–12:00', master: 'Иван', phone: '+7 495 123-45-67', bonus: '350', link: 'https://naryad.example/t/3f9a…' };
}

/** What a template holds before the owner writes his own (off until he turns it on). */
export function defaultTemplate(status: string, channel: NotificationChannel): Omit<NotificationTemplateDTO, 'status' | 'channel' | 'enabled'> {
  if (status === BONUS_TEMPLATE) {
    return { subject: 'Вам начислены бонусы', body: 'Вам начислены бонусы. Ваш баланс: {{bonus}} бонусов. Тел. {{phone}}' };
  }
  const body = channel === 'sms'
    ? 'Заказ №{{number}}: {{status}}. {{link}}'
    : 'Здравствуйте! Статус вашего заказа №{{number}}: {{status}}.\nДата: {{date}}\nМастер: {{master}}\nСледить за заказом: {{link}}\nТелефон: {{phone}}';
  return { subject: channel === 'email' ? 'Заказ №{{number}}: {{status}}' : '', body };
}
