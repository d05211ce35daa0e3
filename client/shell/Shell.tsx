import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { ChatToasts } from '../masters/ChatToasts.tsx';
import { dismissToast, uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { navigate, routeStore } from './router.ts';
import { profilePage, tabs, type TabDef } from './tabs.ts';
import { TopBar } from './TopBar.tsx';

const loaded = new Map<string, ComponentType>();

/** Loads a tab's page on first visit and keeps it. */
function TabPage({ tab }: { tab: TabDef }) {
  const [Page, setPage] = useState<ComponentType | undefined>(() => loaded.get(tab.id));
  useEffect(() => {
    if (Page) return;
    let live = true;
    void tab.load().then((module) => {
      loaded.set(tab.id, module.Page);
      if (live) setPage(() => module.Page);
    });
    return () => {
      live = false;
    };
  }, [tab]);
  return Page ? <Page /> : null;
}

export function Shell() {
  const { t } = useI18n();
  const route = useStore(routeStore, (s) => s.tab);
  const toasts = useStore(uiStore, (s) => s.toasts);
  const tab = tabs.find((candidate) => candidate.id === route) ?? (route === profilePage.id ? profilePage : undefined);
  useEffect(() => {
    if (!tab) navigate(`/${tabs[0]!.id}`, { replace: true });
  }, [tab]);

  return (
    <div class="shell">
      <TopBar tab={tab} />
      <main class="content">{tab && <TabPage key={tab.id} tab={tab} />}</main>
      <div class="toasts">
        <ChatToasts />
        {toasts.map((item) => (
          <div key={item.id} class={`toast toast--${item.kind}`} role={item.kind === 'error' ? 'alert' : 'status'}>
            <span>{item.text}</span>
            <button type="button" class="icon-button" aria-label={t('toast.close')} onClick={() => dismissToast(item.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
