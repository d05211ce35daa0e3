import type { OrderDTO } from '../../shared/types.ts';
import { useI18n } from '../i18n/index.ts';
import type { BoardState } from '../store/board.ts';
import { describeDiff, displayValue, fieldLabel } from './form.ts';
import type { OrderForm } from './useOrderForm.ts';

/**
 * Someone else's newer version over the form's base: a warning while nothing is saved, and after a
 * refused save the conflict with both sides and the two ways out.
 */
export function ChangeBanners({ form, state, who }: { form: OrderForm; state: BoardState; who: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { order, base, conflict, dirty, draft } = form;
  if (!order || !base) return null;
  const theirs: OrderDTO | null = conflict ? (order.version > conflict.version ? order : conflict) : null;
  if (!theirs) {
    if (order.version <= base.version) return null;
    return (
      <div class="banner banner--warn" role="status" data-testid="changed-banner">
        <strong>{t('changed.title', { who })}</strong>
        <DiffList lines={describeDiff(base, order, state, i18n)} />
      </div>
    );
  }
  return (
    <div class="banner banner--error" role="alert" data-testid="conflict">
      <strong>{t('conflict.title', { who })}</strong>
      <p>{t('conflict.explain')}</p>
      <DiffList lines={describeDiff(base, theirs, state, i18n)} />
      <p>{t('conflict.yours')}</p>
      <ul class="diff">
        {dirty.map((key) => (
          <li key={key}>
            <span class="diff-label">{t(fieldLabel[key])}:</span> <span class="diff-to">{displayValue(key, draft, state, i18n)}</span>
          </li>
        ))}
      </ul>
      <div class="banner-actions">
        <button type="button" class="button button--primary" disabled={form.busy} onClick={() => void form.update(theirs.version)} data-testid="apply-mine">
          {t('conflict.applyMine')}
        </button>
        <button type="button" class="button button--ghost" onClick={() => form.takeTheirs(theirs)}>
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}

function DiffList({ lines }: { lines: { label: string; from: string; to: string }[] }) {
  const { t } = useI18n();
  if (lines.length === 0) return <p class="muted">{t('conflict.noFieldChanges')}</p>;
  return (
    <ul class="diff">
      {lines.map((line) => (
        <li key={line.label}>
          <span class="diff-label">{line.label}:</span> <s class="diff-from">{line.from}</s> → <span class="diff-to">{line.to}</span>
        </li>
      ))}
    </ul>
  );
}
