import { useState } from 'preact/hooks';
import type { BonusSettings as Bonus } from '../../shared/schemas/settings.ts';
import { settingsApi } from '../api/settings.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import { SaveBar } from '../ui/SaveBar.tsx';

type NumberKey = Exclude<keyof Bonus, 'enabled'>;
const numbers: [NumberKey, MessageKey][] = [
  ['welcomePoints', 'settings.bonus.welcomePoints'],
  ['welcomeDays', 'settings.bonus.welcomeDays'],
  ['cashbackPercent', 'settings.bonus.cashbackPercent'],
  ['earnedDays', 'settings.bonus.earnedDays'],
  ['maxSharePercent', 'settings.bonus.maxSharePercent'],
];
const formOf = (bonus: Bonus) => Object.fromEntries(numbers.map(([key]) => [key, String(bonus[key])])) as Record<NumberKey, string>;

/** Настройки → «Бонусы»: the programme on or off, welcome points, cashback, how long points last, the share they may pay. The owner edits, the others read. */
export function BonusSettings({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const live = useLive('settings', settingsApi.get, /^settings\./, []);
  const saved = live.data?.settings.bonus;
  return (
    <section class="crm-card" data-testid="bonus-settings">
      <h2 class="crm-subtitle">{t('settings.bonus')}</h2>
      <Loaded error={live.error} ready={saved !== undefined}>
        {saved && <BonusForm key={JSON.stringify(saved)} saved={saved} owner={owner} onSaved={live.reload} />}
      </Loaded>
    </section>
  );
}

function BonusForm({ saved, owner, onSaved }: { saved: Bonus; owner: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(saved.enabled);
  const [form, setForm] = useState(() => formOf(saved));
  // Only what differs goes to the server; a bad number is sent as typed, for the server to refuse in words.
  const patch: Partial<Bonus> = {};
  if (enabled !== saved.enabled) patch.enabled = enabled;
  for (const [key] of numbers) if (form[key] !== String(saved[key])) patch[key] = Number(form[key].replace(',', '.'));
  const dirty = Object.keys(patch).length > 0;
  return (
    <form
      class="section"
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(() => settingsApi.save({ bonus: patch }), t('crm.saved')).then((answer) => answer && onSaved());
      }}
    >
      <label class="field field--check">
        <input type="checkbox" name="bonusEnabled" checked={enabled} disabled={!owner} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <span>{t('settings.bonus.enabled')}</span>
      </label>
      {numbers.map(([key, label]) => (
        <label key={key} class="field">
          <span class="field-label">{t(label)}</span>
          <input name={key} inputMode="decimal" value={form[key]} disabled={!owner} class={form[key] !== String(saved[key]) ? 'is-dirty' : ''} onInput={(e) => setForm((f) => ({ ...f, [key]: e.currentTarget.value }))} />
        </label>
      ))}
      <p class="muted small field--wide">{t('settings.bonus.hint')}</p>
      {owner && (
        <SaveBar
          dirty={dirty}
          testId="save-bonus"
          onCancel={() => {
            setEnabled(saved.enabled);
            setForm(formOf(saved));
          }}
        />
      )}
    </form>
  );
}
