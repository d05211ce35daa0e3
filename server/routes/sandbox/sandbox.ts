// What /sandbox needs of the built-in Telegram. The composition file (server/allInOne.ts) passes the
// bot's SandboxHost in, so the web server itself does not depend on bot/.

/** A person of the sandbox, as the page's JSON shows them. */
type Shown = object;

export interface SandboxUser {
  sendText(text: string): unknown;
  sendCommand(command: string, payload?: string): unknown;
  sendPhoto(bytes: Uint8Array): unknown;
  tap(messageId: number, callbackData: string): unknown;
}

export interface Sandbox {
  /** The fake Bot API's address: connecting a company's bot asks it instead of Telegram. */
  readonly apiRoot?: string;
  /** Whether the sandbox plays this company. */
  plays(tenantId: number): Promise<boolean>;
  people(): Promise<Shown[]>;
  newcomer(): Shown;
  chat(userId: number): Shown | null;
  has(userId: number): boolean;
  user(userId: number): SandboxUser;
  shareContact(userId: number): Promise<void>;
  pay(userId: number): Promise<{ ok: boolean; error?: string }>;
  file(fileId: string): { mime: string; bytes: Uint8Array } | undefined;
}
