import { useEffect, useState } from 'preact/hooks';
import type { ChatMessageDTO } from '../../shared/chat.ts';
import type { MasterDetailDTO } from '../../shared/crmTypes.ts';
import { request } from '../api/http.ts';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { dismissNotice, focusChat, unreadStore } from '../store/unread.ts';
import { useStore } from '../store/useStore.ts';
import './unread.css';

// Masters' names for the toasts, asked once per master per page.
const names = new Map<number, Promise<string | null>>();
const masterName = (id: number) => {
  let name = names.get(id);
  if (!name) {
    name = request<{ master: MasterDetailDTO }>('GET', `/api/masters/${id}`).then(
      (answer) => answer.master.name,
      () => null,
    );
    names.set(id, name);
  }
  return name;
};

const SNIPPET = 140;

/** A toast for each master with a new line, on any tab, until it is opened or closed. */
export function ChatToasts() {
  const notices = useStore(unreadStore, (s) => s.notices);
  return (
    <>
      {notices.map((line) => (
        <ChatToast key={line.masterId} line={line} />
      ))}
    </>
  );
}

function ChatToast({ line }: { line: ChatMessageDTO }) {
  const { t } = useI18n();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void masterName(line.masterId).then((found) => live && setName(found));
    return () => {
      live = false;
    };
  }, [line.masterId]);
  const text = line.text.length > SNIPPET ? `${line.text.slice(0, SNIPPET)}…` : line.text;
  const open = () => {
    dismissNotice(line.masterId);
    focusChat(line.masterId);
    navigate(`/masters/${line.masterId}`);
  };
  return (
    <div class="toast toast--chat" role="status" data-testid="chat-toast" data-master={line.masterId}>
      <div class="toast-chat-body">
        <span class="toast-chat-who">{name ? t('chat.from', { name }) : t('chat.fromMaster')}</span>
        <span class="toast-chat-text">{text}</span>
      </div>
      <button type="button" class="toast-chat-open" data-testid="open-chat" onClick={open}>
        {t('chat.open')}
      </button>
      <button type="button" class="icon-button" aria-label={t('toast.close')} onClick={() => dismissNotice(line.masterId)}>
        ×
      </button>
    </div>
  );
}
