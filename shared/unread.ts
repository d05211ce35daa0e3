// Unread lines of the masters' chats, kept per staff member on the server (chat_reads).

/** GET /api/masters/unread: a master's lines after the last one this person read, per master. */
export interface UnreadChatsDTO {
  total: number;
  /** Only masters with unread lines; keys are master ids. */
  byMaster: Record<string, number>;
  /** The last event the counts include: pushes after it add to them. */
  seq: number;
}
