import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/index.ts';
import { login } from '../store/session.ts';
import { AuthSwitch } from './AuthSwitch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await login(email, password);
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 401 || e.status === 400) ? t('login.failed') : t('login.error', { message: e instanceof Error ? e.message : '' }));
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        <div class="login-brand">
          <span class="logo">{t('app.name')}</span>
          <LanguageSwitch />
        </div>
        <h1 class="login-title">{t('login.title')}</h1>
        <label class="field">
          <span class="field-label">{t('login.email')}</span>
          <input name="email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary button--block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <AuthSwitch to="/signup" label={t('login.signup')} />
      </form>
    </main>
  );
}
