import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { logout, sessionStore } from '../store/session.ts';
import { dismissToast, uiStore } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import { initials } from '../ui/Avatars.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navigate, routeStore } from './router.ts';
import { tabs, type TabDef } from './tabs.ts';

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
  const me = useStore(sessionStore, (s) => s.me);
  const route = useStore(routeStore, (s) => s.tab);
  const toasts = useStore(uiStore, (s) => s.toasts);
  const tab = tabs.find((candidate) => candidate.id === route);
  useEffect(() => {
    if (!tab) navigate(`/${tabs[0]!.id}`, { replace: true });
  }, [tab]);

  return (
    <div class="shell">
      <header class="topbar">
        <span class="logo">{t('app.name')}</span>
        <span class="tenant">{me?.tenant.name}</span>
        <nav class="tabs" aria-label={t('shell.tabs')}>
          {tabs.map((candidate) => (
            <a
              key={candidate.id}
              href={`/${candidate.id}`}
              class={`tab${candidate === tab ? ' is-active' : ''}`}
              aria-current={candidate === tab ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(`/${candidate.id}`);
              }}
            >
              {t(`tabs.${candidate.id}`)}
            </a>
          ))}
        </nav>
        <span class="topbar-space" />
        <ConnectionBadge />
        <LanguageSwitch />
        {me && (
          <span class="me" title={me.user.email}>
            <span class="avatar avatar--me">{initials(me.user.name)}</span>
            <span class="me-name">{me.user.name}</span>
          </span>
        )}
        <button type="button" class="button button--ghost" onClick={() => void logout().then(() => location.assign('/'))}>
          {t('shell.logout')}
        </button>
      </header>
      <main class="content">{tab && <TabPage key={tab.id} tab={tab} />}</main>
      <div class="toasts">
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
