import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { chatLinesArrived, chatStore, loadOlderLines, openChat } from '../store/chat.ts';
import { chatOpened, focusChat, markRead, unreadStore } from '../store/unread.ts';
import { useStore } from '../store/useStore.ts';
// Its styles come with it: the order's drawer may open it before Мастера was ever shown.
import '../ui/page.css';
import './unread.css';
import { mastersApi } from '../api/masters.ts';
import { attempt, errorText } from '../ui/attempt.ts';

/** The chat with a master: history from the server, new lines and delivery marks from the pushes. The
 *  lines unread when it opened sit under «Новые сообщения»; whatever it shows is read, at once. */
export function Chat({ masterId, canWrite, manual }: { masterId: number; canWrite: boolean; manual: boolean }) {
  const { t, dateTime } = useI18n();
  const chat = useStore(chatStore, (chats) => chats[masterId]);
  const lines = chat?.lines;
  const error = chat?.failure ? errorText(chat.failure) : null;
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const box = useRef<HTMLElement>(null);
  // How many lines were unread when the chat opened: the last ones from the master, marked new.
  const [unreadAtOpen] = useState(() => unreadStore.getState().byMaster[masterId] ?? 0);
  const visible = useVisible();
  const focused = useStore(unreadStore, (s) => s.focus === masterId);

  useEffect(() => openChat(masterId), [masterId]);
  useEffect(() => chatOpened(masterId), [masterId]);
  const lastIn = lines?.findLast((line) => line.direction === 'in')?.id;
  useEffect(() => {
    if (lastIn !== undefined && visible) markRead(masterId, lastIn);
  }, [masterId, lastIn, visible]);
  const firstNew = lines && unreadAtOpen > 0 ? lines.filter((line) => line.direction === 'in').slice(-unreadAtOpen)[0]?.id : undefined;
  // «Открыть чат» in a toast: bring the chat into view, ready to answer.
  useEffect(() => {
    if (!focused || !lines) return;
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.querySelector('textarea')?.focus({ preventScroll: true });
    focusChat(null);
  }, [focused, lines !== undefined]);
  // Follow the newest line (not when older ones are added above).
  useEffect(() => {
    const box = list.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [lines?.[lines.length - 1]?.id]);

  const send = async () => {
    const body = text.trim();
    if (!body) return;
    setSending(true);
    const answer = await attempt(() => mastersApi.sendMessage(masterId, body));
    setSending(false);
    if (answer) {
      setText('');
      chatLinesArrived([answer.message]);
    }
  };

  return (
    <section class="crm-block chat" data-testid="chat" ref={box}>
      <h3 class="section-title">{t('chat.title')}</h3>
      {manual && <p class="muted small">{t('chat.manual')}</p>}
      {error && <p class="form-error">{t('error.generic', { message: error })}</p>}
      <ol class="chat-lines" ref={list}>
        {chat?.more && (
          <li class="chat-more">
            <button type="button" class="button button--ghost" onClick={() => loadOlderLines(masterId)}>
              {t('chat.older')}
            </button>
          </li>
        )}
        {lines?.length === 0 && <li class="muted small">{t('chat.empty')}</li>}
        {lines?.map((line) => [
          line.id === firstNew && (
            <li key="new" class="chat-new" data-testid="chat-new">
              {t('chat.newLines')}
            </li>
          ),
          <li key={line.id} class={`chat-line chat-line--${line.direction}${firstNew !== undefined && line.id >= firstNew && line.direction === 'in' ? ' chat-line--new' : ''}`} data-delivery={line.delivery}>
            <span class="chat-text">{line.text}</span>
            <span class="chat-meta">
              {line.direction === 'out' ? (line.user?.name ?? t('chat.manager')) : t('chat.master')} · {dateTime(line.at)}
              {line.direction === 'out' && line.delivery !== 'delivered' && ` · ${t(`chat.delivery.${line.delivery}`)}`}
              {line.error && ` (${line.error})`}
            </span>
          </li>,
        ])}
      </ol>
      {canWrite && (
        <form
          class="chat-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <textarea
            name="chatText"
            rows={2}
            placeholder={t('chat.placeholder')}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void send();
              }
            }}
          />
          <button type="submit" class="button button--primary" disabled={sending || !text.trim()}>
            {t('chat.send')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Whether the page is on screen: a chat in a hidden tab reads nothing. */
function useVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}
