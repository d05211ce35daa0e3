// The fake Bot API and the users who talk to the bot through it.
export { FakeTelegram, botIdOf, type BotRef, type UpdateBody, type UserContent } from './fakeTelegram.ts';
export { FakeBot } from './fakeBot.ts';
export { SimulatedUser, type FoundButton, type InvoiceTerms, type SimulatedUserProfile } from './simulatedUser.ts';
export { ApiError } from './apiError.ts';
export { SANDBOX_TOKEN, SandboxCompany, SandboxHost, type SandboxChat, type SandboxMessage, type SandboxPerson } from './sandboxHost.ts';
export type { StoredFile } from './fileStore.ts';
export type {
  ApiCall,
  ButtonView,
  CallbackAnswer,
  ChatMessage,
  FakeTelegramOptions,
  PreCheckoutAnswer,
  ReplyMarkup,
  WebhookConfig,
  WebhookDelivery,
} from './types.ts';
