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

/** One company as the sandbox plays it: its masters and their chats with the company's bot. */
export interface SandboxCompany {
  /** The company's bot as the fake Telegram names it. */
  readonly botProfile: { username: string; firstName: string };
  people(): Promise<Shown[]>;
  newcomer(language: 'ru' | 'en'): Shown;
  chat(userId: number): Shown | null;
  has(userId: number): boolean;
  user(userId: number): SandboxUser;
  shareContact(userId: number): Promise<void>;
  pay(userId: number): Promise<{ ok: boolean; error?: string }>;
  file(fileId: string): { mime: string; bytes: Uint8Array } | undefined;
}

export interface Sandbox {
  /** The fake Bot API's address: connecting a company's bot asks it instead of Telegram. */
  readonly apiRoot?: string;
  /** The company as the sandbox plays it; null when its bot is not one the sandbox serves. */
  company(tenantId: number): Promise<SandboxCompany | null>;
}
