import type { ComponentType } from 'preact';

// The app's tabs. Adding one is one line here: its id (the title is `tabs.<id>` in client/i18n)
// and its page, loaded on first visit so the board stays small.
export type TabId = 'orders' | 'masters' | 'prices' | 'expenses' | 'dashboard' | 'settings';

export interface TabDef {
  id: TabId;
  load: () => Promise<{ Page: ComponentType }>;
}

export const tabs: readonly TabDef[] = [
  { id: 'orders', load: () => import('../board/BoardPage.tsx') },
  { id: 'masters', load: () => import('../masters/MastersPage.tsx') },
  { id: 'prices', load: () => import('../prices/PricesPage.tsx') },
  { id: 'expenses', load: () => import('../expenses/ExpensesPage.tsx') },
  { id: 'dashboard', load: () => import('../dashboard/DashboardPage.tsx') },
  { id: 'settings', load: () => import('../settings/SettingsPage.tsx') },
];
