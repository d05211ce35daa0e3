import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatMessageDTO } from '../../shared/chat.ts';
import { crm } from '../crm/api.ts';
import { useFeedEvents } from '../crm/live.ts';
import { attempt, errorText } from '../crm/ui.tsx';
import { useI18n } from '../i18n/index.ts';
import { onFeed } from '../store/feed.ts';

// The server's page size for GET /api/masters/:id/messages.
const PAGE = 50;

/** Adds or replaces lines by id, oldest first. */
function merge(lines: ChatMessageDTO[], incoming: ChatMessageDTO[]): ChatMessageDTO[] {
  const byId = new Map(lines.map((line) => [line.id, line]));
  for (const line of incoming) byId.set(line.id, line);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The chat with a master: history from the server, new lines and delivery marks from the pushes. */
export function Chat({ masterId, canWrite, manual }: { masterId: number; canWrite: boolean; manual: boolean }) {
  const { t, dateTime } = useI18n();
  const [lines, setLines] = useState<ChatMessageDTO[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [more, setMore] = useState(false);
  const list = useRef<HTMLOListElement>(null);

  const load = () =>
    crm.messages(masterId).then(
      (answer) => {
        setLines((known) => merge(known ?? [], answer.messages));
        setMore((known) => known || answer.messages.length >= PAGE);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  // Older lines, a page at a time, before the oldest one shown.
  const loadOlder = () => {
    const oldest = lines?.[0]?.id;
    if (!oldest) return;
    crm.messages(masterId, oldest).then(
      (answer) => {
        setLines((known) => merge(known ?? [], answer.messages));
        setMore(answer.messages.length >= PAGE);
      },
      (failure: unknown) => setError(errorText(failure)),
    );
  };
  useEffect(() => {
    void load();
    // After a resync the pushes in between may be lost: read the history again.
    return onFeed((events) => {
      if (events === null) void load();
    });
  }, [masterId]);
  useFeedEvents(
    (type, data) => {
      if (type !== 'chat.message' && type !== 'chat.updated') return;
      const { message } = data as { message: ChatMessageDTO };
      if (message.masterId === masterId) setLines((known) => merge(known ?? [], [message]));
    },
    [masterId],
  );
  // Follow the newest line (not when older ones are added above).
  useEffect(() => {
    const box = list.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [lines?.[lines.length - 1]?.id]);

  const send = async () => {
    const body = text.trim();
    if (!body) return;
    setSending(true);
    const answer = await attempt(() => crm.sendMessage(masterId, body));
    setSending(false);
    if (answer) {
      setText('');
      setLines((known) => merge(known ?? [], [answer.message]));
    }
  };

  return (
    <section class="crm-block chat" data-testid="chat">
      <h3 class="section-title">{t('chat.title')}</h3>
      {manual && <p class="muted small">{t('chat.manual')}</p>}
      {error && <p class="form-error">{t('error.generic', { message: error })}</p>}
      <ol class="chat-lines" ref={list}>
        {more && (
          <li class="chat-more">
            <button type="button" class="button button--ghost" onClick={loadOlder}>
              {t('chat.older')}
            </button>
          </li>
        )}
        {lines?.length === 0 && <li class="muted small">{t('chat.empty')}</li>}
        {lines?.map((line) => (
          <li key={line.id} class={`chat-line chat-line--${line.direction}`} data-delivery={line.delivery}>
            <span class="chat-text">{line.text}</span>
            <span class="chat-meta">
              {line.direction === 'out' ? (line.user?.name ?? t('chat.manager')) : t('chat.master')} · {dateTime(line.at)}
              {line.direction === 'out' && line.delivery !== 'delivered' && ` · ${t(`chat.delivery.${line.delivery}`)}`}
              {line.error && ` (${line.error})`}
            </span>
          </li>
        ))}
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
