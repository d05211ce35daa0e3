import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { api } from '../api/orders.ts';
import { useI18n } from '../i18n/index.ts';
import { checkSession } from '../store/session.ts';

/** The current password and the new one twice; on success the person's other sessions have ended. */
export function PasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (next.length < 8) return setError(t('password.tooShort'));
    if (next !== repeat) return setError(t('password.mismatch'));
    setBusy(true);
    setError('');
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setSaved(true);
      await checkSession();
      onDone?.();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.field === 'current' ? t('password.wrongCurrent') : failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const input = (name: string, label: string, value: string, set: (value: string) => void, autoComplete: string) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input name={name} type="password" autoComplete={autoComplete} required value={value} onInput={(e) => set(e.currentTarget.value)} />
    </label>
  );
  return (
    <form class="password-form" onSubmit={submit} data-testid="password-form">
      {input('current', t('password.current'), current, setCurrent, 'current-password')}
      {input('next', t('password.next'), next, setNext, 'new-password')}
      {input('repeat', t('password.repeat'), repeat, setRepeat, 'new-password')}
      <p class="muted small">{t('password.hint')}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p class="form-notice" role="status">
          {t('password.saved')}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
