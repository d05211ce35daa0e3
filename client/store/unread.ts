import type { ChatMessageDTO } from '../../shared/chat.ts';
import type { EventEnvelope } from '../../shared/events.ts';
import type { UnreadChatsDTO } from '../../shared/unread.ts';
import { request } from '../api/http.ts';
import { onFeed } from './feed.ts';
import { slice } from './root.ts';
import { sessionStore } from './session.ts';

// The masters' lines this manager has not read, per master. The server keeps the marks; this tab
// starts from GET /api/masters/unread (which says the last event it includes), adds the pushed
// lines after it, and asks again after a resync or a read. Viewers answer nobody: no counts.

export interface UnreadState {
  byMaster: Record<number, number>;
  total: number;
  /** The last event the counts include. */
  seq: number;
  /** New lines to announce (a toast each), one per master, newest last. */
  notices: ChatMessageDTO[];
  /** Asked for by «Открыть чат»: the chat scrolls into view once and clears it. */
  focus: number | null;
}

const empty: UnreadState = { byMaster: {}, total: 0, seq: 0, notices: [], focus: null };
export const unreadStore = slice<UnreadState>('unread', () => empty);

const MAX_NOTICES = 3;
const REFRESH_DELAY_MS = 150;
/** Chats on screen in this tab, by master: their new lines are read as they come. */
const openChats = new Map<number, number>();
/** How far this tab has asked the server to mark each chat, so a re-render does not ask again. */
const markedUpTo = new Map<number, number>();
/** Pushes that land while the counts are being fetched: applied over the answer by seq. */
let inFlight: EventEnvelope[] | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

const me = () => sessionStore.getState().me?.user;
const keepsMarks = () => {
  const user = me();
  return user !== undefined && user.role !== 'viewer';
};

/** Whether this tab shows the master's chat to someone right now. */
export const isReading = (masterId: number): boolean => (openChats.get(masterId) ?? 0) > 0 && document.visibilityState === 'visible';

const totalOf = (byMaster: Record<number, number>) => Object.values(byMaster).reduce((sum, n) => sum + n, 0);

function withCount(state: UnreadState, masterId: number, count: (n: number) => number): Partial<UnreadState> {
  const byMaster = { ...state.byMaster };
  const next = count(byMaster[masterId] ?? 0);
  if (next > 0) byMaster[masterId] = next;
  else delete byMaster[masterId];
  return { byMaster, total: totalOf(byMaster) };
}

/** One toast per master, his newest line, the newest masters last. */
const withNotice = (notices: ChatMessageDTO[], line: ChatMessageDTO) => [...notices.filter((notice) => notice.masterId !== line.masterId), line].slice(-MAX_NOTICES);

/** A master's new line that is unread (the server counted it) gets its toast. */
function announce(event: EventEnvelope): void {
  if (event.type !== 'chat.message' || event.data.message.direction !== 'in') return;
  const line = event.data.message;
  const state = unreadStore.getState();
  if (isReading(line.masterId) || !state.byMaster[line.masterId]) return;
  unreadStore.setState({ notices: withNotice(state.notices, line) });
}

function apply(event: EventEnvelope): void {
  const state = unreadStore.getState();
  if (event.seq <= state.seq) return; // the counts include it already
  if (event.type === 'chat.message' && event.data.message.direction === 'in') {
    const line = event.data.message;
    // An open chat reads its new line itself (Chat.tsx): nothing to count or announce.
    if (isReading(line.masterId)) return unreadStore.setState({ seq: event.seq });
    unreadStore.setState({ ...withCount(state, line.masterId, (n) => n + 1), seq: event.seq, notices: withNotice(state.notices, line) });
    return;
  }
  // Read in another tab of mine: how many are left there only the server knows.
  if (event.type === 'chat.read' && event.data.userId === me()?.id) scheduleRefresh();
  unreadStore.setState({ seq: event.seq });
}

async function refresh(): Promise<void> {
  if (!keepsMarks()) return;
  const mine = ++generation;
  inFlight ??= [];
  try {
    const answer = await request<UnreadChatsDTO>('GET', '/api/masters/unread');
    if (mine !== generation) return;
    // A chat open here reads its lines itself: an answer counted before that read reached the
    // server must not bring its badge back.
    const byMaster = Object.fromEntries(Object.entries(answer.byMaster).map(([id, n]) => [Number(id), n]).filter(([id]) => !isReading(id)));
    const arrived = inFlight;
    inFlight = null;
    // A toast whose lines were read meanwhile (in another tab) has nothing left to say.
    // A line pushed while the counts were fetched is counted in the answer, but still to be announced.
    const counted = arrived.filter((event) => event.seq <= answer.seq);
    const notices = unreadStore.getState().notices.filter((notice) => (byMaster[notice.masterId] ?? 0) > 0);
    unreadStore.setState({ byMaster, total: totalOf(byMaster), seq: answer.seq, notices });
    for (const event of counted) announce(event);
    for (const event of arrived) apply(event);
  } catch {
    // Offline or logged out: the next resync or login asks again.
    if (mine === generation) inFlight = null;
  }
}

function scheduleRefresh(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
}

/** The chat with this master is on screen: returns the call for when it leaves. */
export function chatOpened(masterId: number): () => void {
  openChats.set(masterId, (openChats.get(masterId) ?? 0) + 1);
  dismissNotice(masterId);
  return () => {
    const left = (openChats.get(masterId) ?? 1) - 1;
    if (left > 0) openChats.set(masterId, left);
    else openChats.delete(masterId);
  };
}

/** The manager has seen the chat up to this line: the count goes at once, the server keeps it. */
export function markRead(masterId: number, upTo: number): void {
  if (!keepsMarks() || (markedUpTo.get(masterId) ?? 0) >= upTo) return;
  markedUpTo.set(masterId, upTo);
  unreadStore.setState((state) => ({ ...withCount(state, masterId, () => 0), notices: state.notices.filter((notice) => notice.masterId !== masterId) }));
  request('POST', `/api/masters/${masterId}/messages/read`, { upTo }).then(
    () => scheduleRefresh(),
    () => {
      markedUpTo.delete(masterId); // try again with the next line or the next opening
      scheduleRefresh();
    },
  );
}

export const dismissNotice = (masterId: number) =>
  unreadStore.setState((state) => (state.notices.some((notice) => notice.masterId === masterId) ? { notices: state.notices.filter((notice) => notice.masterId !== masterId) } : state));

export const focusChat = (masterId: number | null) => unreadStore.setState({ focus: masterId });

onFeed((events) => {
  if (!keepsMarks()) return;
  // A fresh board snapshot: pushes in between may be lost, count again.
  if (events === null) return scheduleRefresh();
  for (const event of events) {
    if (inFlight) inFlight.push(event);
    else apply(event);
  }
});

sessionStore.subscribe((state, previous) => {
  if (state.phase === previous.phase) return;
  generation++;
  inFlight = null;
  markedUpTo.clear();
  unreadStore.setState(empty, true);
  if (state.phase === 'ready') scheduleRefresh();
});
