// The chat between a tenant's managers and one master: the board shows it, the bot carries it.

export type ChatDirection = 'in' | 'out';
export type ChatDelivery = 'pending' | 'delivered' | 'failed';

/** One line of the chat. `in` came from the master through the bot; `out` is a manager's reply. */
export interface ChatMessageDTO {
  id: number;
  masterId: number;
  direction: ChatDirection;
  /** The manager who wrote an `out` line; null for the master's own lines. */
  user: { id: number; name: string } | null;
  text: string;
  /** `failed` lines keep the reason in `error`, so the board can show it instead of dropping it. */
  delivery: ChatDelivery;
  error: string | null;
  at: string;
}
