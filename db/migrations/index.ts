import type { Knex } from 'knex';
import * as initial from './20261123000000_initial.ts';
import * as crm from './20261201000000_crm.ts';
import * as bot from './20261210000000_bot.ts';
import * as botBlocked from './20261220000000_bot_blocked.ts';
import * as commissionManual from './20261228000000_commission_manual.ts';
import * as manualAssignment from './20261228000100_manual_assignment.ts';
import * as chatReads from './20261229000000_chat_reads.ts';
import * as orderSearch from './20261230000000_order_search.ts';
import * as customersLoyalty from './20261231000000_customers_loyalty.ts';
import * as bonusSettings from './20261231000100_bonus_settings.ts';
import * as notifications from './20270101000000_notifications.ts';
import * as statusPage from './20270101000100_status_page.ts';
import * as temporaryPassword from './20261229000100_temporary_password.ts';
import * as staffTelegram from './20270101000200_staff_telegram.ts';
import * as customerHistory from './20270101000300_customer_history.ts';
import * as companyBots from './20270102000000_company_bots.ts';
import * as signup from './20270102000100_signup.ts';
import * as botUpdates from './20270102000200_bot_updates.ts';

// Listed explicitly so migrations run the same from source, under ava and in any process.
const migrations: Record<string, Knex.Migration> = {
  '20261123000000_initial': initial,
  '20261201000000_crm': crm,
  '20261210000000_bot': bot,
  '20261220000000_bot_blocked': botBlocked,
  '20261228000000_commission_manual': commissionManual,
  '20261228000100_manual_assignment': manualAssignment,
  '20261229000000_chat_reads': chatReads,
  '20261230000000_order_search': orderSearch,
  '20261229000100_temporary_password': temporaryPassword,
  '20261231000000_customers_loyalty': customersLoyalty,
  '20261231000100_bonus_settings': bonusSettings,
  '20270101000000_notifications': notifications,
  '20270101000100_status_page': statusPage,
  '20270101000200_staff_telegram': staffTelegram,
  '20270101000300_customer_history': customerHistory,
  '20270102000000_company_bots': companyBots,
  '20270102000100_signup': signup,
  '20270102000200_bot_updates': botUpdates,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
