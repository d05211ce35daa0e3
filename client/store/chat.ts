import type { ChatMessageDTO } from '../../shared/chat.ts';
import { mastersApi } from '../api/masters.ts';
import { onFeed } from './feed.ts';
import { slice } from './root.ts';

// The chats with masters this tab shows, by master: the lines (oldest first), whether older ones
// are on the server, and a load that failed. History comes from the server, new lines and
// delivery marks from the pushes; a resync reads every open chat again.

export interface ChatLines {
  lines: ChatMessageDTO[] | undefined;
  more: boolean;
  failure: unknown;
}

export const chatStore = slice<Record<number, ChatLines | undefined>>('chat', () => ({}));

// The server's page size for GET /api/masters/:id/messages.
const PAGE = 50;
/** How many views show each master's chat: its lines leave the store when the last one closes. */
const views = new Map<number, number>();

const none: ChatLines = { lines: undefined, more: false, failure: null };

function put(masterId: number, change: (chat: ChatLines) => Partial<ChatLines>): void {
  const chat = chatStore.getState()[masterId] ?? none;
  chatStore.setState({ [masterId]: { ...chat, ...change(chat) } });
}

/** Adds or replaces lines by id, oldest first. */
function merge(lines: ChatMessageDTO[] | undefined, incoming: ChatMessageDTO[]): ChatMessageDTO[] {
  const byId = new Map((lines ?? []).map((line) => [line.id, line]));
  for (const line of incoming) byId.set(line.id, line);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The newest page (a reload keeps "older lines exist" once known), or the page before `before`. */
function load(masterId: number, before?: number): void {
  mastersApi.messages(masterId, before).then(
    ({ messages }) => views.has(masterId) && put(masterId, (chat) => ({ lines: merge(chat.lines, messages), more: (before === undefined && chat.more) || messages.length >= PAGE, failure: null })),
    (failure: unknown) => views.has(masterId) && put(masterId, () => ({ failure })),
  );
}

/** A chat comes on screen: its history is fetched; the returned function takes it off. */
export function openChat(masterId: number): () => void {
  views.set(masterId, (views.get(masterId) ?? 0) + 1);
  load(masterId);
  return () => {
    const left = (views.get(masterId) ?? 1) - 1;
    if (left > 0) return void views.set(masterId, left);
    views.delete(masterId);
    const { [masterId]: _closed, ...rest } = chatStore.getState();
    chatStore.setState(rest, true);
  };
}

export function loadOlderLines(masterId: number): void {
  const oldest = chatStore.getState()[masterId]?.lines?.[0]?.id;
  if (oldest !== undefined) load(masterId, oldest);
}

/** Lines pushed, or the answer to one sent: they join the chats on screen. */
export function chatLinesArrived(lines: readonly ChatMessageDTO[]): void {
  for (const line of lines) if (views.has(line.masterId)) put(line.masterId, (chat) => ({ lines: merge(chat.lines, [line]) }));
}

onFeed((events) => {
  if (events === null) {
    for (const masterId of views.keys()) load(masterId);
    return;
  }
  chatLinesArrived(events.flatMap((event) => (event.type === 'chat.message' || event.type === 'chat.updated' ? [event.data.message] : [])));
});
