import { useState } from 'preact/hooks';
import type { SettingsDTO } from '../../shared/crmTypes.ts';
import { settingsApi } from '../api/settings.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import { parseRoubles, roublesText } from '../ui/roubles.ts';
import { CopyField } from '../ui/CopyField.tsx';
import { SaveBar } from '../ui/SaveBar.tsx';

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
    timezone: s.timezone,
    companyPhone: s.companyPhone,
    arrivalWindowMinutes: String(s.arrivalWindowMinutes),
    siteOrigins: s.siteOrigins.join(', '),
  };
}

/** Only what differs from the saved settings goes to the server. */
function patchOf(form: Form, saved: Form): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const numbers = ['commissionPercent', 'waveSize', 'waveDelaySeconds', 'noTakerAfterMinutes', 'arrivalWindowMinutes'];
  for (const key of ['companyName', 'policyUrl', 'timezone', 'companyPhone', ...numbers]) {
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
  const live = useLive('settings', settingsApi.get, /^settings\./, []);
  return (
    <section class="crm-card" data-testid="company-settings">
      <h2 class="crm-subtitle">{t('settings.company')}</h2>
      <Loaded error={live.error} ready={live.data !== undefined}>
        {live.data && <SettingsForm key={JSON.stringify(live.data)} saved={toForm(live.data.company.name, live.data.settings)} slug={live.data.company.slug} tokenSet={live.data.settings.payment.providerTokenSet} owner={owner} onSaved={live.reload} />}
      </Loaded>
    </section>
  );
}

function SettingsForm({ saved, slug, tokenSet, owner, onSaved }: { saved: Form; slug: string; tokenSet: boolean; owner: boolean; onSaved: () => void }) {
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
        void attempt(() => settingsApi.save(patch), t('crm.saved')).then((answer) => answer && onSaved());
      }}
    >
      {field('companyName', t('settings.companyName'))}
      {field('timezone', t('settings.timezone'))}
      {field('commissionPercent', t('settings.commissionPercent'), { inputMode: 'decimal' })}
      {field('debtLimit', t('settings.debtLimit'), { inputMode: 'decimal' })}
      {field('waveSize', t('settings.waveSize'), { inputMode: 'numeric' })}
      {field('waveDelaySeconds', t('settings.waveDelay'), { inputMode: 'numeric' })}
      {field('noTakerAfterMinutes', t('settings.noTakerAfter'), { inputMode: 'numeric' })}
      {field('companyPhone', t('settings.companyPhone'), { type: 'tel', placeholder: '+7 495 123-45-67' })}
      {field('arrivalWindowMinutes', t('settings.arrivalWindow'), { inputMode: 'numeric' })}
      <div class="field--wide">{field('policyUrl', t('settings.policyUrl'), { type: 'url' })}</div>
      <div class="field--wide">{field('siteOrigins', t('settings.siteOrigins'), { placeholder: 'https://master-na-chas.ru' })}</div>
      <div class="field--wide">
        <div class="field">
          <span class="field-label">{t('settings.requestForm')}</span>
          <CopyField value={`<iframe src="${location.origin}/p/${slug}/order" width="100%" height="720" style="border:0"></iframe>`} testid="request-form-embed" />
        </div>
      </div>
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
        <SaveBar dirty={dirty} testId="save-settings" onCancel={() => setForm(saved)} />
      )}
    </form>
  );
}
