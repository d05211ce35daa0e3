import type { JSX, SelectHTMLAttributes, TargetedEvent } from 'preact';
import { api } from '../api/orders.ts';
import { useI18n } from '../i18n/index.ts';
import { boardStore } from '../store/board.ts';
import { sessionStore } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { CustomerOrders } from './CustomerOrders.tsx';
import type { FieldKey } from './form.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { StatusLink } from './StatusLink.tsx';
import type { OrderForm } from './useOrderForm.ts';

type TextKey = Exclude<FieldKey, 'seoPublished'>;

/** A field's control props (value, dirty mark, error state) and its labelled wrapper. */
function fieldsOf(form: OrderForm) {
  const bind = (key: TextKey) => ({
    name: key,
    value: form.draft[key],
    disabled: form.readOnly,
    'aria-invalid': form.errors[key] ? ('true' as const) : undefined,
    class: form.dirty.includes(key) ? 'is-dirty' : undefined,
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => form.set(key, e.currentTarget.value),
  });
  const field = (key: TextKey, label: string, control: JSX.Element, wide = false) => (
    <label class={`field${wide ? ' field--wide' : ''}`} data-field={key}>
      <span class="field-label">{label}</span>
      {control}
      {form.errors[key] && <span class="field-error">{form.errors[key]}</span>}
    </label>
  );
  return { bind, field };
}

export function CustomerSection({ form }: { form: OrderForm }) {
  const { t } = useI18n();
  const { bind, field } = fieldsOf(form);
  return (
    <fieldset class="section">
      <legend>{t('drawer.section.customer')}</legend>
      {field('customerName', t('field.customerName'), <input {...bind('customerName')} autoComplete="off" />)}
      {field('customerPhone', t('field.customerPhone'), <input {...bind('customerPhone')} type="tel" autoComplete="off" />)}
      {form.order && <CustomerOrders order={form.order} />}
      {form.order && <StatusLink order={form.order} />}
    </fieldset>
  );
}

export function WorkSection({ form }: { form: OrderForm }) {
  const { t } = useI18n();
  const cities = useStore(boardStore, (s) => s.cities);
  const kinds = useStore(boardStore, (s) => s.kinds);
  const channels = useStore(boardStore, (s) => s.channels);
  const { bind, field } = fieldsOf(form);
  return (
    <fieldset class="section">
      <legend>{t('drawer.section.work')}</legend>
      {field('cityId', t('field.city'), <RefOptions {...bind('cityId')} items={cities} />)}
      {field('kindId', t('field.kind'), <RefOptions {...bind('kindId')} items={kinds} />)}
      {field('channelId', t('field.channel'), <RefOptions {...bind('channelId')} items={channels} />)}
      {field('plannedAt', t('field.plannedAt'), <input {...bind('plannedAt')} type="datetime-local" />)}
      {field('description', t('field.description'), <textarea {...bind('description')} rows={3} />, true)}
      {!form.order && <PhotoPicker photos={form.intakePhotos} onChange={form.setIntakePhotos} disabled={form.busy || form.readOnly} />}
    </fieldset>
  );
}

export function AddressSection({ form }: { form: OrderForm }) {
  const { t } = useI18n();
  const { bind, field } = fieldsOf(form);
  return (
    <fieldset class="section">
      <legend>{t('drawer.section.address')}</legend>
      {field('street', t('field.street'), <input {...bind('street')} autoComplete="off" />, true)}
      {field('address', t('field.address'), <input {...bind('address')} autoComplete="off" />, true)}
    </fieldset>
  );
}

/** Price and commission; a paid order's are locked unless the owner corrects them with a reason. */
export function MoneySection({ form }: { form: OrderForm }) {
  const { t } = useI18n();
  const me = useStore(sessionStore, (s) => s.me);
  const { order, paid, correcting, readOnly } = form;
  const { bind, field } = fieldsOf(form);
  const locked = readOnly || (paid && !correcting);
  return (
    <fieldset class="section">
      <legend>{t('drawer.section.money')}</legend>
      {field('price', t('field.price'), <input {...bind('price')} disabled={locked} inputMode="decimal" />)}
      {field('commission', t('field.commission'), <input {...bind('commission')} disabled={locked} inputMode="decimal" placeholder={order ? undefined : t('field.commissionAuto')} />)}
      {order && paid && (
        <p class="money-note field--wide" data-testid="money-locked">
          {t('drawer.moneyLocked')}
          {me?.user.role === 'owner' && !correcting && (
            <button type="button" class="link-button" data-testid="money-correct" onClick={() => form.setCorrecting(true)}>
              {t('drawer.moneyCorrect')}
            </button>
          )}
        </p>
      )}
      {order && correcting && (
        <label class="field field--wide">
          <span class="field-label">{t('drawer.moneyReason')}</span>
          <textarea name="correctionReason" rows={2} value={form.correctionReason} onInput={(e) => form.setCorrectionReason(e.currentTarget.value)} />
        </label>
      )}
      {order && !paid && order.commissionManual && !form.dirty.includes('commission') && (
        <p class="money-note field--wide" data-testid="commission-manual">
          {t('drawer.moneyManual')}
          {!readOnly && (
            <button type="button" class="link-button" disabled={form.busy} onClick={() => void form.act(() => api.updateOrder(order.id, { version: order.version, commissionManual: false }))}>
              {t('drawer.moneyPercent')}
            </button>
          )}
        </p>
      )}
    </fieldset>
  );
}

export function SeoSection({ form }: { form: OrderForm }) {
  const { t } = useI18n();
  const { bind, field } = fieldsOf(form);
  return (
    <details class="section section--seo" open={Boolean(form.base?.seo.title || form.base?.seo.published)}>
      <summary>{t('drawer.section.seo')}</summary>
      {field('seoTitle', t('field.seoTitle'), <input {...bind('seoTitle')} />, true)}
      {field('seoDescription', t('field.seoDescription'), <textarea {...bind('seoDescription')} rows={2} />, true)}
      {field('seoSlug', t('field.seoSlug'), <input {...bind('seoSlug')} pattern="[a-z0-9-]*" />)}
      <label class="field field--check" data-field="seoPublished">
        <input type="checkbox" name="seoPublished" checked={form.draft.seoPublished} disabled={form.readOnly} onChange={(e) => form.set('seoPublished', e.currentTarget.checked)} />
        <span>{t('field.seoPublished')}</span>
      </label>
    </details>
  );
}

function RefOptions({ items, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { items: { id: number; name: string }[] }) {
  return (
    <select {...props}>
      {items.map((item) => (
        <option key={item.id} value={String(item.id)}>
          {item.name}
        </option>
      ))}
    </select>
  );
}
