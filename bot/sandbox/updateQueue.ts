import type { Update } from 'grammy/types';

/** An update before the queue numbers it. */
export type UpdateBody = Omit<Update, 'update_id'>;
export type WakeReason = 'update' | 'timeout' | 'conflict' | 'closed';

/** Update kinds Telegram leaves out unless allowed_updates asks for them. */
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/**
 * The bot's pending updates, kept like Telegram keeps them: until an offset confirms them,
 * filtered by allowed_updates, with at most one long poll waiting for the next one.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private lastUpdateId = 100_000;
  private allowed: string[] | undefined;
  private poller: ((reason: WakeReason) => void) | undefined;

  /** Numbers the update and stores a snapshot, so later edits do not change what the bot receives. */
  push(body: UpdateBody): Update {
    const update: Update = structuredClone({ update_id: ++this.lastUpdateId, ...body });
    this.pending.push(update);
    return update;
  }

  /** allowed_updates of getUpdates/setWebhook: an array replaces the setting, anything else keeps it. */
  setAllowed(kinds: unknown): void {
    if (Array.isArray(kinds)) this.allowed = kinds.filter((kind) => typeof kind === 'string');
  }

  /** An offset confirms every update below it; a negative one keeps only the last -offset. */
  confirm(offset: number | undefined): void {
    if (offset !== undefined && offset > 0) this.pending = this.pending.filter((update) => update.update_id >= offset);
    if (offset !== undefined && offset < 0) this.pending = this.pending.slice(offset);
  }

  /** Pending updates of the kinds the bot asked for; the rest are dropped, as Telegram does. */
  deliverable(): Update[] {
    const allowed = this.allowed;
    this.pending = this.pending.filter((update) =>
      Object.keys(update).some((kind) => kind !== 'update_id' && (allowed && allowed.length > 0 ? allowed.includes(kind) : !OPT_IN_UPDATES.has(kind))),
    );
    return this.pending;
  }

  remove(updateId: number): void {
    this.pending = this.pending.filter((update) => update.update_id !== updateId);
  }

  clear(): void {
    this.pending = [];
  }

  get size(): number {
    return this.pending.length;
  }

  /**
   * Holds a getUpdates request until wake(), the timeout, or its client leaving. Telegram
   * answers the older of two concurrent polls with 409, so a waiting one is woken with 'conflict'.
   */
  waitForUpdate(ms: number, gone: AbortSignal): Promise<WakeReason> {
    this.poller?.('conflict');
    return new Promise((resolve) => {
      const finish = (reason: WakeReason): void => {
        clearTimeout(timer);
        gone.removeEventListener('abort', onGone);
        if (this.poller === finish) this.poller = undefined;
        resolve(reason);
      };
      const onGone = (): void => finish('closed');
      const timer = setTimeout(() => finish('timeout'), ms);
      gone.addEventListener('abort', onGone);
      this.poller = finish;
    });
  }

  wake(reason: WakeReason): void {
    this.poller?.(reason);
  }
}
