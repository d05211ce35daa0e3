import type { MasterDTO } from '../../shared/crmTypes.ts';
import { useI18n } from '../i18n/index.ts';

/** The status badge, a dot when the master is on shift, and a warning when he blocked the bot. */
export function MasterStatus({ master }: { master: MasterDTO }) {
  const { t } = useI18n();
  return (
    <span class="master-status">
      <span class={`pill pill--${master.status}`} data-testid="master-status" data-status={master.status}>
        {t(`masters.status.${master.status}`)}
      </span>
      {master.status === 'approved' && <span class={`shift-dot${master.onShift ? ' is-on' : ''}`} title={t(master.onShift ? 'masters.onShift' : 'masters.offShift')} />}
      {master.botBlocked && (
        <span class="pill pill--blocked" data-testid="bot-blocked" title={t('masters.botBlockedHint')}>
          {t('masters.botBlocked')}
        </span>
      )}
    </span>
  );
}

/** Ratings are whole points mostly; a fraction shows one decimal. */
export const formatRating = (rating: number): string => (Number.isInteger(rating) ? String(rating) : rating.toFixed(1));
