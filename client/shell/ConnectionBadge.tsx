import { useI18n } from '../i18n/index.ts';
import { connectionStore } from '../store/connection.ts';
import { useStore } from '../store/useStore.ts';

/** Online / reconnecting / offline, always visible: a manager knows whether the board is live. */
export function ConnectionBadge() {
  const { t } = useI18n();
  const phase = useStore(connectionStore, (s) => s.phase);
  const syncing = useStore(connectionStore, (s) => s.syncing);
  const lastSync = useStore(connectionStore, (s) => s.lastSync);
  const label = syncing && phase === 'online' ? t('connection.syncing') : t(`connection.${phase}`);
  return (
    <span class={`connection connection--${phase}`} role="status" title={t('connection.hint')} data-testid="connection" data-phase={phase} data-last-sync={lastSync ?? undefined}>
      <span class="connection-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
