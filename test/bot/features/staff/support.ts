import type { SimulatedUser } from '../../../../bot/sandbox/index.ts';
import type { UserRole } from '../../../../shared/types.ts';
import { buildUser } from '../../../support/factories.ts';
import type { ApiClient } from '../../../support/http.ts';
import { nextMessage, type BotHarness } from '../../harness.ts';

export const BOARD = 'https://naryad.example';

let nextTelegramId = 880_000;

/** A staff member of the harness's company who linked his Telegram the way the profile page does it. */
export async function linkedStaff(h: BotHarness, role: UserRole = 'manager', firstName = 'Анна'): Promise<{ api: ApiClient; user: SimulatedUser; id: number }> {
  const person = await buildUser(h.env.db, { tenant: h.tenant, role });
  const api = await h.env.as(person);
  const { body } = await api.post('/api/profile/telegram', {});
  const user = h.user((nextTelegramId += 1), firstName);
  const linked = nextMessage(user, 'Готово');
  user.sendCommand('/start', `staff_${body.code}`);
  await linked;
  return { api, user, id: person.id };
}

/** The bot's texts in this chat, oldest first. */
export const botTexts = (user: SimulatedUser) => user.messages().filter((message) => message.from === 'bot').map((message) => message.text ?? '');
