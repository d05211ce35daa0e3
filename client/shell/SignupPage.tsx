import { useState } from 'preact/hooks';
import { TRADES, type Trade } from '../../shared/trades.ts';
import { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/index.ts';
import { signup } from '../store/session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navigate } from './router.ts';
import { AuthSwitch } from './AuthSwitch.tsx';

/** /signup: a company registers itself; its owner lands on the board, signed in. */
export function SignupPage() {
  const { t } = useI18n();
  const [form, setForm] = useState({ company: '', trade: 'repair' as Trade, name: '', email: '', password: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (event: { currentTarget: { value: string } }) => setForm({ ...form, [field]: event.currentTarget.value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signup(form);
      navigate('/orders', { replace: true });
    } catch (e) {
      // The server words its refusals (a taken e-mail, a short password, too many tries) in the page's language.
      setError(e instanceof ApiError && e.status > 0 ? e.message : t('signup.error'));
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} data-testid="signup-form">
        <div class="login-brand">
          <span class="logo">{t('app.name')}</span>
          <LanguageSwitch />
        </div>
        <h1 class="login-title">{t('signup.title')}</h1>
        <label class="field">
          <span class="field-label">{t('signup.company')}</span>
          <input name="company" required maxLength={200} autoComplete="organization" value={form.company} onInput={set('company')} />
        </label>
        <label class="field">
          <span class="field-label">{t('signup.trade')}</span>
          <select name="trade" value={form.trade} onChange={set('trade')}>
            {TRADES.map((trade) => (
              <option key={trade} value={trade}>
                {t(`trade.${trade}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t('signup.name')}</span>
          <input name="name" required maxLength={200} autoComplete="name" value={form.name} onInput={set('name')} />
        </label>
        <label class="field">
          <span class="field-label">{t('login.email')}</span>
          <input name="email" type="email" required autoComplete="username" value={form.email} onInput={set('email')} />
        </label>
        <label class="field">
          <span class="field-label">{t('login.password')}</span>
          <input name="password" type="password" required minLength={8} autoComplete="new-password" value={form.password} onInput={set('password')} />
          <span class="login-hint muted">{t('signup.passwordHint')}</span>
        </label>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary button--block" disabled={busy}>
          {busy ? t('signup.submitting') : t('signup.submit')}
        </button>
        <AuthSwitch to="/login" label={t('signup.haveAccount')} />
      </form>
    </main>
  );
}
