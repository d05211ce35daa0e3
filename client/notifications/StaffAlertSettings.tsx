import { useState } from 'preact/hooks';
import type { StaffAlertsSettings } from '../../shared/schemas/settings.ts';
import { settingsApi } from '../api/settings.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import { parseRoubles, roublesText } from '../ui/roubles.ts';
import { SaveBar } from '../ui/SaveBar.tsx';

type Form = { reminderDays: string; morningHour: string; commission: string; closingHour: string };

const formOf = (s: StaffAlertsSettings): Form => ({
  reminderDays: s.reminderDays.join(', '),
  morningHour: String(s.morningHour),
  commission: roublesText(s.dayPlan.commission),
  closingHour: String(s.dayPlan.closingHour),
});

// "1, 3 7" → [1, 3, 7]; a stray word goes as NaN, for the server to refuse in words.
const daysOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean).map(Number);

/** Telegram for staff, the company's part: how many days ahead a customer's date is reminded, at what hour, and the day's commission plan. */
export function StaffAlertSettings({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const live = useLive('settings', settingsApi.get, /^settings\./, []);
  const saved = live.data?.settings.staffAlerts;
  return (
    <section class="crm-card" data-testid="staff-alert-settings">
      <h2 class="crm-subtitle">{t('staffAlerts.title')}</h2>
      <Loaded error={live.error} ready={saved !== undefined}>
        {saved && <StaffAlertForm key={JSON.stringify(saved)} saved={saved} owner={owner} onSaved={live.reload} />}
      </Loaded>
    </section>
  );
}

function StaffAlertForm({ saved, owner, onSaved }: { saved: StaffAlertsSettings; owner: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const initial = formOf(saved);
  const [form, setForm] = useState(initial);
  const patch: { reminderDays?: number[]; morningHour?: number; dayPlan?: { commission?: number; closingHour?: number } } = {};
  if (form.reminderDays !== initial.reminderDays) patch.reminderDays = daysOf(form.reminderDays);
  if (form.morningHour !== initial.morningHour) patch.morningHour = Number(form.morningHour);
  const dayPlan: NonNullable<typeof patch.dayPlan> = {};
  if (form.commission !== initial.commission) dayPlan.commission = parseRoubles(form.commission) ?? -1;
  if (form.closingHour !== initial.closingHour) dayPlan.closingHour = Number(form.closingHour);
  if (Object.keys(dayPlan).length) patch.dayPlan = dayPlan;
  const dirty = Object.keys(patch).length > 0;
  const field = (key: keyof Form, label: string, inputMode: string) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input name={key} inputMode={inputMode as 'numeric'} value={form[key]} disabled={!owner} class={form[key] !== initial[key] ? 'is-dirty' : ''} onInput={(e) => setForm((f) => ({ ...f, [key]: e.currentTarget.value }))} />
    </label>
  );
  return (
    <form
      class="section"
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(() => settingsApi.save({ staffAlerts: patch }), t('crm.saved')).then((answer) => answer && onSaved());
      }}
    >
      {field('reminderDays', t('staffAlerts.reminderDays'), 'numeric')}
      {field('morningHour', t('staffAlerts.morningHour'), 'numeric')}
      {field('commission', t('staffAlerts.dayPlan'), 'decimal')}
      {field('closingHour', t('staffAlerts.closingHour'), 'numeric')}
      <p class="muted small field--wide">{t('staffAlerts.hint')}</p>
      {owner && (
        <SaveBar dirty={dirty} testId="save-staff-alerts" onCancel={() => setForm(initial)} />
      )}
    </form>
  );
}
