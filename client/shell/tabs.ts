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
];
