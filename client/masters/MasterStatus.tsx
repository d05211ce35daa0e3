import type { MasterDTO } from '../../shared/crmTypes.ts';
import { useI18n } from '../i18n/index.ts';

/** The status badge, and a dot when the master is on shift. */
export function MasterStatus({ master }: { master: MasterDTO }) {
  const { t } = useI18n();
  return (
    <span class="master-status">
      <span class={`pill pill--${master.status}`} data-testid="master-status" data-status={master.status}>
        {t(`masters.status.${master.status}`)}
      </span>
      {master.status === 'approved' && <span class={`shift-dot${master.onShift ? ' is-on' : ''}`} title={t(master.onShift ? 'masters.onShift' : 'masters.offShift')} />}
    </span>
  );
}

/** Ratings are whole points mostly; a fraction shows one decimal. */
export const formatRating = (rating: number): string => (Number.isInteger(rating) ? String(rating) : rating.toFixed(1));
