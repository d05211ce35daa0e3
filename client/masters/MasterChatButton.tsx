import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { useRole } from '../store/session.ts';
import { Modal } from '../ui/Modal.tsx';
import type { Chat as ChatView } from './Chat.tsx';
import { UnreadCount } from './UnreadCount.tsx';

/** «Чат с мастером» in the order's drawer: the same chat as in Мастера, in a dialog over the order. */
export function MasterChatButton({ master }: { master: { id: number; name: string } }) {
  const { t } = useI18n();
  const role = useRole();
  // The chat loads with its first opening, so the board's own bundle stays small.
  const [Chat, setChat] = useState<ComponentType<Parameters<typeof ChatView>[0]> | null>(null);
  const [open, setOpen] = useState(false);
  const show = () => {
    setOpen(true);
    if (!Chat) void import('./Chat.tsx').then((module) => setChat(() => module.Chat));
  };
  return (
    <>
      <button type="button" class="button" data-testid="drawer-master-chat" onClick={show}>
        {t('chat.title')}
        <UnreadCount masterId={master.id} />
      </button>
      {open && (
        <Modal title={master.name} onClose={() => setOpen(false)} wide>
          <div class="chat-dialog">{Chat ? <Chat masterId={master.id} canWrite={role !== 'viewer'} manual={false} /> : <p class="muted">{t('app.loading')}</p>}</div>
        </Modal>
      )}
    </>
  );
}
