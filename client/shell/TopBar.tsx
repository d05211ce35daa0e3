import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { logout, sessionStore } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { initials } from '../ui/Avatars.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navigate } from './router.ts';
import { tabs, type TabDef } from './tabs.ts';

/**
 * The top bar. Wide, the tabs, the language, the user and «Выйти» sit in one row; narrow (a tablet, a
 * phone) they fold into a menu behind the ☰ button, and the bar keeps the current tab's name and the
 * connection badge, which a manager must always see.
 */
export function TopBar({ tab }: { tab: TabDef | undefined }) {
  const { t } = useI18n();
  const me = useStore(sessionStore, (s) => s.me);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [tab]);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('.tab.is-active, .tab')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <header class={`topbar${open ? ' topbar--menu-open' : ''}`}>
      <button
        type="button"
        class="menu-button"
        ref={button}
        aria-label={t('shell.menu')}
        aria-expanded={open}
        aria-controls="app-menu"
        data-testid="menu-button"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d={open ? 'M5 5l10 10M15 5L5 15' : 'M3 5h14M3 10h14M3 15h14'} stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        {/* The tabs' badges (unread chats), which the closed menu would hide. */}
        <span class="menu-badges">{tabs.map((candidate) => candidate.Badge && <candidate.Badge key={candidate.id} />)}</span>
      </button>
      <span class="logo">{t('app.name')}</span>
      <span class="tenant">{me?.tenant.name}</span>
      {tab && <span class="topbar-current">{t(`tabs.${tab.id}`)}</span>}
      <div class="topbar-menu" id="app-menu" ref={menu} data-testid="menu">
        <nav class="tabs" aria-label={t('shell.tabs')}>
          {tabs.map((candidate) => (
            <a
              key={candidate.id}
              href={`/${candidate.id}`}
              class={`tab${candidate === tab ? ' is-active' : ''}`}
              aria-current={candidate === tab ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                setOpen(false);
                navigate(`/${candidate.id}`);
              }}
            >
              {t(`tabs.${candidate.id}`)}
              {candidate.Badge && <candidate.Badge />}
            </a>
          ))}
        </nav>
        <span class="topbar-space" />
        <LanguageSwitch />
        {me && (
          <a
            class="me"
            href="/profile"
            title={`${me.user.email} · ${t('tabs.profile')}`}
            data-testid="profile-link"
            onClick={(event) => {
              event.preventDefault();
              setOpen(false);
              navigate('/profile');
            }}
          >
            <span class="avatar avatar--me">{initials(me.user.name)}</span>
            <span class="me-name">{me.user.name}</span>
          </a>
        )}
        <button type="button" class="button button--ghost logout" data-testid="logout" onClick={() => void logout().then(() => location.assign('/'))}>
          {t('shell.logout')}
        </button>
      </div>
      <ConnectionBadge />
      {open && <div class="menu-backdrop" onClick={() => setOpen(false)} />}
    </header>
  );
}
