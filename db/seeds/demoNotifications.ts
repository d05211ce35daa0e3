import type { Knex } from 'knex';

// The demo company tells its customers when a master takes the order and when it is done, by SMS
// and e-mail, and when points come in by SMS. Seeded after the history, so only what the visitor
// does sends anything; with no provider on the embedded start it lands in «Исходящие» as `logged`.
const templates = [
  { status: 'accepted', channel: 'sms', subject: '', body: 'Заказ №{{number}}: мастер {{master}} приедет {{date}}. Статус: {{link}}' },
  { status: 'accepted', channel: 'email', subject: 'Заказ №{{number}}: мастер назначен', body: 'Здравствуйте!\nМастер {{master}} приедет {{date}}.\nСледить за заказом: {{link}}\nТелефон: {{phone}}' },
  { status: 'done', channel: 'sms', subject: '', body: 'Заказ №{{number}} выполнен. Спасибо! Ваши бонусы: {{bonus}}' },
  { status: 'done', channel: 'email', subject: 'Заказ №{{number}} выполнен', body: 'Спасибо, что выбрали нас!\nЗаказ №{{number}} выполнен. На вашем счёте {{bonus}} бонусов.\nТелефон: {{phone}}' },
  { status: 'bonus', channel: 'sms', subject: '', body: 'Вам начислены бонусы. Баланс: {{bonus}}' },
];

export async function seedDemoNotifications(db: Knex, tenantId: number): Promise<void> {
  // {{phone}} needs the number customers call; the demo's, unless the company has one already.
  await db('tenants')
    .where({ id: tenantId })
    .whereRaw(`coalesce(settings->>'companyPhone', '') = ''`)
    .update({ settings: db.raw(`settings || jsonb_build_object('companyPhone', ?::text)`, ['+7 495 123-45-67']) });
  await db('notification_templates').insert(templates.map((template) => ({ tenant_id: tenantId, enabled: true, ...template })));
}
