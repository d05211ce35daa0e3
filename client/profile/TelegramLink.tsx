import { useState } from 'preact/hooks';
import type { StaffLinkCodeDTO } from '../../shared/staffAlerts.ts';
import { profileApi } from '../api/profile.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import { AlertSwitches } from './AlertSwitches.tsx';

const telegramEvents = /^staff\.telegram$/;

/** Профиль → Telegram: link one's Telegram to the company's bot with a one-time code, unlink it, and choose what comes there. */
export function TelegramLink({ owner }: { owner: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const live = useLive('settings', profileApi.telegram, telegramEvents, []);
  const [code, setCode] = useState<StaffLinkCodeDTO | null>(null);
  const state = live.data;
  const linked = state?.telegram.linked ? state.telegram : null;
  const makeCode = () => void attempt(profileApi.linkTelegram).then((made) => made && setCode(made));
  const unlink = () => {
    if (!confirm(t('telegram.unlinkConfirm'))) return;
    void attempt(profileApi.unlinkTelegram, t('telegram.unlinked')).then(() => {
      setCode(null);
      live.reload();
    });
  };
  return (
    <section class="profile-telegram" data-testid="telegram-link">
      <h2>{t('telegram.title')}</h2>
      <Loaded error={live.error} ready={state !== undefined}>
        {linked ? (
          <div class="crm-actions">
            <span data-testid="telegram-linked">
              {t('telegram.linked', { who: linked.username ? `@${linked.username}` : t('telegram.noUsername'), date: i18n.dateTime(linked.linkedAt) })}
            </span>
            <button type="button" class="button button--ghost" data-testid="telegram-unlink" onClick={unlink}>
              {t('telegram.unlink')}
            </button>
          </div>
        ) : (
          <>
            <p class="muted small">{t('telegram.hint')}</p>
            {code && (
              <div class="telegram-code" data-testid="telegram-code">
                {code.link ? (
                  <a class="button button--primary" href={code.link} target="_blank" rel="noopener" data-testid="telegram-open">
                    {t('telegram.open')}
                  </a>
                ) : null}
                <p class="small">{t('telegram.orSend')}</p>
                <code class="telegram-command" data-testid="telegram-command">
                  /start staff_{code.code}
                </code>
                <p class="muted small">{t('telegram.expires', { time: i18n.dateTime(code.expiresAt) })}</p>
              </div>
            )}
            <button type="button" class={`button${code ? ' button--ghost' : ' button--primary'}`} data-testid="telegram-make-code" onClick={makeCode}>
              {code ? t('telegram.newCode') : t('telegram.link')}
            </button>
          </>
        )}
        {state && <AlertSwitches key={JSON.stringify(state.alerts)} saved={state.alerts} owner={owner} linked={linked !== null} />}
      </Loaded>
    </section>
  );
}
