import { useI18n } from '../i18n/index.ts';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { logout } from '../store/session.ts';
import { PasswordForm } from './PasswordForm.tsx';

/** The first login with a password the owner handed out: nothing else until a private one is set. */
export function ForcedPasswordPage() {
  const { t } = useI18n();
  return (
    <main class="login">
      <div class="login-card" data-testid="forced-password">
        <div class="login-brand">
          <span class="logo">{t('app.name')}</span>
          <LanguageSwitch />
        </div>
        <h1 class="login-title">{t('password.forcedTitle')}</h1>
        <p class="muted">{t('password.forcedText')}</p>
        <PasswordForm />
        <button type="button" class="button button--ghost button--block" onClick={() => void logout()}>
          {t('shell.logout')}
        </button>
      </div>
    </main>
  );
}
