import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from './i18n/index.ts';
import { ForcedPasswordPage } from './profile/ForcedPasswordPage.tsx';
import { LoginPage } from './shell/LoginPage.tsx';
import { routeStore } from './shell/router.ts';
import { SignupPage } from './shell/SignupPage.tsx';
import { Shell } from './shell/Shell.tsx';
import { startLive, stopLive } from './socket/live.ts';
import { resetBoard } from './store/board.ts';
import { checkSession, sessionStore } from './store/session.ts';
import { resetSync } from './store/sync.ts';
import { useStore } from './store/useStore.ts';
// The stylesheets in cascade order: the narrow-screen rules override the areas' wide ones.
import './ui/base.css';
import './shell/shell.css';
import './board/board.css';
import './orders/drawer.css';
import './ui/modal.css';
import './shell/narrow.css';
import './profile/profile.css';

function App() {
  const { t, locale } = useI18n();
  const phase = useStore(sessionStore, (s) => s.phase);
  const mustChangePassword = useStore(sessionStore, (s) => s.me?.mustChangePassword ?? false);
  const signingUp = useStore(routeStore, (s) => s.tab === 'signup');
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // Live only while logged in: the socket authenticates with the same cookie as HTTP.
  useEffect(() => {
    if (phase === 'ready') startLive();
    if (phase === 'anonymous') {
      stopLive();
      resetSync();
      resetBoard();
    }
  }, [phase]);
  if (phase === 'checking') return <div class="page-state muted">{t('app.loading')}</div>;
  if (phase !== 'ready') return signingUp ? <SignupPage /> : <LoginPage />;
  return mustChangePassword ? <ForcedPasswordPage /> : <Shell />;
}

const root = document.getElementById('app')!;
// The wall screen (/wall/<token>) has no login and no board: its own small page, loaded on demand.
const wallToken = /^\/wall\/([^/]+)\/?$/.exec(location.pathname)?.[1];
if (wallToken) void import('./wall/WallPage.tsx').then((wall) => wall.mountWall(decodeURIComponent(wallToken), root));
else {
  void checkSession();
  render(<App />, root);
}
