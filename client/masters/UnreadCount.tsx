import { useI18n } from '../i18n/index.ts';
import { unreadStore } from '../store/unread.ts';
import { useStore } from '../store/useStore.ts';
import './unread.css';

/** The unread lines of one master's chat, or of all of them (the Мастера tab); nothing when none. */
export function UnreadCount({ masterId }: { masterId?: number }) {
  const { t } = useI18n();
  const n = useStore(unreadStore, (s) => (masterId === undefined ? s.total : (s.byMaster[masterId] ?? 0)));
  if (n === 0) return null;
  return (
    <span class="unread-count" data-testid="unread-count" title={t('chat.unread', { n })} aria-label={t('chat.unread', { n })}>
      {n > 99 ? '99+' : n}
    </span>
  );
}

/** The Мастера tab's badge: every unread line. */
export const MastersTabBadge = () => <UnreadCount />;
