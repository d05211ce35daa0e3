import { useState } from 'preact/hooks';
import type { SettingsDTO } from '../../shared/crmTypes.ts';
import { crm } from '../crm/api.ts';
import { useLive } from '../crm/live.ts';
import { attempt, Loaded, parseRoubles, roublesText } from '../crm/ui.tsx';
import { useI18n } from '../i18n/index.ts';

type Form = Record<string, string>;

function toForm(name: string, s: SettingsDTO): Form {
  return {
    companyName: name,
    commissionPercent: String(s.commissionPercent),
    waveSize: String(s.waveSize),
    waveDelaySeconds: String(s.waveDelaySeconds),
    noTakerAfterMinutes: String(s.noTakerAfterMinutes),
    debtLimit: roublesText(s.debtLimit),
    policyUrl: s.policyUrl,
    paymentMode: s.payment.mode,
    providerToken: '',
    starsPerRouble: String(s.payment.starsPerRouble),
    cashbackPercent: String(s.cashbackPercent),
    timezone: s.timezone,
    siteOrigins: s.siteOrigins.join(', '),
  };
}

/** Only what differs from the saved settings goes to the server. */
function patchOf(form: Form, saved: Form): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const numbers = ['commissionPercent', 'waveSize', 'waveDelaySeconds', 'noTakerAfterMinutes', 'cashbackPercent'];
  for (const key of ['companyName', 'policyUrl', 'timezone', ...numbers]) {
    if (form[key] !== saved[key]) patch[key] = numbers.includes(key) ? Number(form[key]!.replace(',', '.')) : form[key]!.trim();
  }
  if (form.siteOrigins !== saved.siteOrigins) patch.siteOrigins = form.siteOrigins!.split(/[\s,]+/).filter(Boolean);
  if (form.debtLimit !== saved.debtLimit) patch.debtLimit = parseRoubles(form.debtLimit!) ?? -1;
  const payment: Record<string, unknown> = {};
  if (form.paymentMode !== saved.paymentMode) payment.mode = form.paymentMode;
  if (form.providerToken) payment.providerToken = form.providerToken.trim();
  if (form.starsPerRouble !== saved.starsPerRouble) payment.starsPerRouble = Number(form.starsPerRouble!.replace(',', '.'));
  if (Object.keys(payment).length) patch.payment = payment;
  return patch;
}

export function CompanySettings({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const live = useLive(crm.settings, /^settings\./, []);
  return (
    <section class="crm-card" data-testid="company-settings">
      <h2 class="crm-subtitle">{t('settings.company')}</h2>
      <Loaded error={live.error} ready={live.data !== undefined}>
        {live.data && <SettingsForm key={JSON.stringify(live.data)} saved={toForm(live.data.company.name, live.data.settings)} tokenSet={live.data.settings.payment.providerTokenSet} owner={owner} onSaved={live.reload} />}
      </Loaded>
    </section>
  );
}

function SettingsForm({ saved, tokenSet, owner, onSaved }: { saved: Form; tokenSet: boolean; owner: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(saved);
  const patch = patchOf(form, saved);
  const dirty = Object.keys(patch).length > 0;
  const field = (key: string, label: string, props: Record<string, string> = {}) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input name={key} value={form[key]} disabled={!owner} class={form[key] !== saved[key] ? 'is-dirty' : ''} onInput={(e) => setForm((f) => ({ ...f, [key]: e.currentTarget.value }))} {...props} />
    </label>
  );
  return (
    <form
      class="section"
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(() => crm.saveSettings(patch), t('crm.saved')).then((answer) => answer && onSaved());
      }}
    >
      {field('companyName', t('settings.companyName'))}
      {field('timezone', t('settings.timezone'))}
      {field('commissionPercent', t('settings.commissionPercent'), { inputMode: 'decimal' })}
      {field('debtLimit', t('settings.debtLimit'), { inputMode: 'decimal' })}
      {field('waveSize', t('settings.waveSize'), { inputMode: 'numeric' })}
      {field('waveDelaySeconds', t('settings.waveDelay'), { inputMode: 'numeric' })}
      {field('noTakerAfterMinutes', t('settings.noTakerAfter'), { inputMode: 'numeric' })}
      {field('cashbackPercent', t('settings.cashback'), { inputMode: 'decimal' })}
      <div class="field--wide">{field('policyUrl', t('settings.policyUrl'), { type: 'url' })}</div>
      <div class="field--wide">{field('siteOrigins', t('settings.siteOrigins'), { placeholder: 'https://master-na-chas.ru' })}</div>
      <label class="field">
        <span class="field-label">{t('settings.paymentMode')}</span>
        <select name="paymentMode" value={form.paymentMode} disabled={!owner} onChange={(e) => setForm((f) => ({ ...f, paymentMode: e.currentTarget.value }))}>
          <option value="none">{t('settings.payment.none')}</option>
          <option value="provider">{t('settings.payment.provider')}</option>
          <option value="stars">{t('settings.payment.stars')}</option>
        </select>
      </label>
      {form.paymentMode === 'stars'
        ? field('starsPerRouble', t('settings.starsPerRouble'), { inputMode: 'decimal' })
        : field('providerToken', tokenSet ? t('settings.providerTokenSet') : t('settings.providerToken'), { type: 'password', autocomplete: 'off', placeholder: tokenSet ? '••••••••' : '' })}
      {owner && (
        <div class="settings-save">
          <button type="submit" class="button button--primary" disabled={!dirty} data-testid="save-settings">
            {t('crm.save')}
          </button>
          {dirty && (
            <button type="button" class="button button--ghost" onClick={() => setForm(saved)}>
              {t('crm.cancel')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
