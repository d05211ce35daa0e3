/** Length of the sliding window both limits are counted in. */
const WINDOW_MS = 1000;

/**
 * Telegram's flood control as a sliding one-second window: at most `perBot` sending calls
 * per bot and `perChat` per chat. Only accepted calls take a slot, as with Telegram, where
 * a rejected call does not prolong the wait.
 */
export class FloodLimiter {
  readonly perBot: number;
  readonly perChat: number;
  private botWindow: number[] = [];
  private chatWindows = new Map<number, number[]>();

  constructor(perBot: number, perChat: number) {
    this.perBot = perBot;
    this.perChat = perChat;
  }

  /** Whole seconds (at least 1) until both windows have a free slot for this chat; 0 if free now. */
  retryAfter(chatId: number, now: number): number {
    const waitMs = Math.max(
      waitFor(prune(this.botWindow, now), this.perBot, now),
      waitFor(prune(this.chatWindows.get(chatId) ?? [], now), this.perChat, now),
    );
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  record(chatId: number, now: number): void {
    this.botWindow.push(now);
    const chat = this.chatWindows.get(chatId) ?? [];
    chat.push(now);
    this.chatWindows.set(chatId, chat);
  }
}

/** Drops timestamps that left the window (in place: the arrays are the limiter's own). */
function prune(window: number[], now: number): number[] {
  let expired = 0;
  while (expired < window.length && window[expired] <= now - WINDOW_MS) expired++;
  window.splice(0, expired);
  return window;
}

/** Milliseconds until the window holds fewer than `limit` calls. */
function waitFor(window: number[], limit: number, now: number): number {
  if (window.length < limit) return 0;
  // The call that has to expire so that one slot frees up.
  return window[window.length - limit] + WINDOW_MS - now;
}
