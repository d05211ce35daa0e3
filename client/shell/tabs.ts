import type { ComponentType } from 'preact';
import { MastersTabBadge } from '../masters/UnreadCount.tsx';

// The app's tabs. Adding one is one line here: its id (the title is `tabs.<id>` in client/i18n)
// and its page, loaded on first visit so the board stays small.
export type TabId = 'orders' | 'customers' | 'masters' | 'prices' | 'expenses' | 'dashboard' | 'settings' | 'profile';

export interface TabDef {
  id: TabId;
  load: () => Promise<{ Page: ComponentType }>;
  /** Beside the title, shown on every tab (unread chats on Мастера), so it is no lazy part. */
  Badge?: ComponentType;
}

export const tabs: readonly TabDef[] = [
  { id: 'orders', load: () => import('../board/BoardPage.tsx') },
  { id: 'customers', load: () => import('../customers/CustomersPage.tsx') },
  { id: 'masters', load: () => import('../masters/MastersPage.tsx'), Badge: MastersTabBadge },
  { id: 'prices', load: () => import('../prices/PricesPage.tsx') },
  { id: 'expenses', load: () => import('../expenses/ExpensesPage.tsx') },
  { id: 'dashboard', load: () => import('../dashboard/DashboardPage.tsx') },
  { id: 'settings', load: () => import('../settings/SettingsPage.tsx') },
];

/** Профиль: a page like a tab, opened from the user's name in the top bar rather than the tab row. */
export const profilePage: TabDef = { id: 'profile', load: () => import('../profile/ProfilePage.tsx') };
