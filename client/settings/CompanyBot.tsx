import { useState } from 'preact/hooks';
import type { CompanyBotDTO } from '../../shared/companyBot.ts';
import { companyBotApi } from '../api/companyBot.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { errorText } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import './companyBot.css';

/**
 * «Telegram-бот»: the owner pastes the token from @BotFather; the server asks Telegram whose it is
 * and shows the bot's @name. Replacing or disconnecting takes effect without a restart.
 */
export function CompanyBot({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const live = useLive('settings', () => (owner ? companyBotApi.get() : Promise.resolve(null)), /^bot\./, [owner]);
  const [replacing, setReplacing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!owner) return null;
  const bot = live.data;
  const disconnect = async (username: string) => {
    if (!confirm(t('settings.botDisconnectConfirm', { name: username }))) return;
    setError(null);
    try {
      await companyBotApi.disconnect();
      live.reload();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <section class="crm-card" data-testid="company-bot" id="bot">
      <h2 class="crm-subtitle">{t('settings.bot')}</h2>
      <Loaded error={live.error} ready={bot !== undefined}>
        {bot?.connected && (
          <div class="bot-connected">
            <p data-testid="bot-connected">
              <strong>{t('settings.botConnected', { name: bot.username })}</strong>{' '}
              <a class="small" href={`https://t.me/${bot.username}`} target="_blank" rel="noopener">
                t.me/{bot.username}
              </a>
            </p>
            <p class="muted small">{t(bot.mode === 'webhook' ? 'settings.botMode.webhook' : 'settings.botMode.polling')}</p>
            {!replacing && (
              <div class="bot-actions">
                <button type="button" class="button" data-testid="bot-replace" onClick={() => setReplacing(true)}>
                  {t('settings.botReplace')}
                </button>
                <button type="button" class="button button--danger-ghost" data-testid="bot-disconnect" onClick={() => void disconnect(bot.username)}>
                  {t('settings.botDisconnect')}
                </button>
              </div>
            )}
          </div>
        )}
        {bot && (!bot.connected || replacing) && (
          <TokenForm
            onCancel={bot.connected ? () => setReplacing(false) : undefined}
            onConnected={() => {
              setReplacing(false);
              live.reload();
            }}
          />
        )}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
      </Loaded>
    </section>
  );
}

function TokenForm({ onConnected, onCancel }: { onConnected: (bot: CompanyBotDTO) => void; onCancel: (() => void) | undefined }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connect = async () => {
    setBusy(true);
    setError(null);
    try {
      onConnected(await companyBotApi.connect(token.trim()));
      setToken('');
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="bot-form"
      onSubmit={(e) => {
        e.preventDefault();
        void connect();
      }}
    >
      <ol class="bot-steps muted small">
        <li>{t('settings.botStep1')}</li>
        <li>{t('settings.botStep2')}</li>
        <li>{t('settings.botStep3')}</li>
      </ol>
      <label class="field">
        <span class="field-label">{t('settings.botToken')}</span>
        <input
          name="botToken"
          type="password"
          autocomplete="off"
          spellcheck={false}
          placeholder="123456789:AAE…"
          value={token}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="form-error" role="alert" data-testid="bot-error">
          {error}
        </p>
      )}
      <div class="bot-actions">
        <button type="submit" class="button button--primary" data-testid="bot-connect" disabled={busy || token.trim() === ''}>
          {busy ? t('settings.botChecking') : t('settings.botConnect')}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            {t('crm.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
