import { useState } from 'preact/hooks';
import { BONUS_TEMPLATE, type NotificationSettingsDTO, type NotificationTemplateDTO } from '../../shared/notifications.ts';
import type { StatusDTO } from '../../shared/types.ts';
import { notificationsApi } from '../api/notifications.ts';
import { settingsApi } from '../api/settings.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import { DeliverySettings, type Delivery } from './DeliverySettings.tsx';
import { StaffAlertSettings } from './StaffAlertSettings.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateGrid, templateKey } from './TemplateGrid.tsx';
import './notifications.css';
import { SaveBar } from '../ui/SaveBar.tsx';

/** Настройки → «Уведомления»: messages to customers per status and channel, how they leave, and staff alerts in Telegram. */
export function NotificationSettingsView({ owner }: { owner: boolean }) {
  const saved = useLive('settings', notificationsApi.settings, /^settings\./, []);
  const statuses = useLive('settings', settingsApi.statuses, /^(settings|statuses)\./, []);
  return (
    <div class="crm-scroll crm-pad notify-grid" data-testid="notification-settings">
      <Loaded error={saved.error ?? statuses.error} ready={saved.data !== undefined && statuses.data !== undefined}>
        {saved.data && statuses.data && <NotificationForm key={JSON.stringify(saved.data)} saved={saved.data} statuses={statuses.data.statuses} owner={owner} onSaved={saved.reload} />}
      </Loaded>
      <StaffAlertSettings owner={owner} />
    </div>
  );
}

const byKey = (templates: NotificationTemplateDTO[]) => new Map(templates.map((tpl) => [templateKey(tpl.status, tpl.channel), tpl]));
const deliveryOf = (s: NotificationSettingsDTO): Delivery => ({ quietHours: s.quietHours, smsProvider: s.smsProvider, emailProvider: s.emailProvider });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function NotificationForm({ saved, statuses, owner, onSaved }: { saved: NotificationSettingsDTO; statuses: StatusDTO[]; owner: boolean; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [templates, setTemplates] = useState(() => byKey(saved.templates));
  const [delivery, setDelivery] = useState(() => deliveryOf(saved));
  const [selected, setSelected] = useState(() => templateKey(saved.templates.find((tpl) => tpl.enabled)?.status ?? saved.templates[0]?.status ?? 'confirmed', saved.templates.find((tpl) => tpl.enabled)?.channel ?? 'sms'));
  const before = byKey(saved.templates);
  // Only the changed templates and delivery fields go to the server.
  const changed = [...templates.entries()].filter(([key, tpl]) => !same(tpl, before.get(key))).map(([, tpl]) => tpl);
  const patch: Parameters<typeof notificationsApi.saveSettings>[0] = {};
  if (changed.length) patch.templates = changed;
  if (!same(delivery.quietHours, saved.quietHours)) patch.quietHours = delivery.quietHours;
  if (delivery.smsProvider !== saved.smsProvider) patch.smsProvider = delivery.smsProvider;
  if (delivery.emailProvider !== saved.emailProvider) patch.emailProvider = delivery.emailProvider;
  const dirty = Object.keys(patch).length > 0;
  const edit = (key: string, change: Partial<NotificationTemplateDTO>) => setTemplates((all) => new Map(all).set(key, { ...all.get(key)!, ...change }));
  const current = templates.get(selected);
  // The preview's {{status}} is the name the customer reads: Russian, whatever the board's language.
  const statusName = (code: string, locale = i18n.locale) => (code === BONUS_TEMPLATE ? t('notifications.bonusTemplate') : (statuses.find((s) => s.code === code)?.name[locale] ?? code));
  return (
    <form
      class="notify-form"
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(() => notificationsApi.saveSettings(patch), t('crm.saved')).then((answer) => answer && onSaved());
      }}
    >
      <section class="crm-card notify-templates">
        <h2 class="crm-subtitle">{t('notifications.templates')}</h2>
        <p class="muted small">{t('notifications.templatesHint')}</p>
        <div class="table-scroll">
          <TemplateGrid templates={templates} statuses={statuses} selected={selected} owner={owner} onToggle={(key, enabled) => edit(key, { enabled })} onSelect={(key) => {
              setSelected(key);
              // On a phone the editor is below the grid: bring it into view.
              requestAnimationFrame(() => document.querySelector('[data-testid=template-editor]')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
            }}
          />
        </div>
      </section>
      {current && <TemplateEditor key={selected} template={current} title={`${statusName(current.status)} · ${t(current.channel === 'sms' ? 'notifications.channel.sms' : 'notifications.channel.email')}`} statusName={statusName(current.status, 'ru')} owner={owner} onChange={(change) => edit(selected, change)} />}
      <DeliverySettings delivery={delivery} configured={saved.configured} owner={owner} onChange={(change) => setDelivery((d) => ({ ...d, ...change }))} />
      {owner && (
        <SaveBar
          dirty={dirty}
          testId="save-notifications"
          class="notify-save"
          onCancel={() => {
            setTemplates(byKey(saved.templates));
            setDelivery(deliveryOf(saved));
          }}
        />
      )}
    </form>
  );
}
