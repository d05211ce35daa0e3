import { useState } from 'preact/hooks';
import type { UserRole } from '../../shared/types.ts';
import { managersApi } from '../api/managers.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { sessionStore } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import { SecretOnce } from '../ui/SecretOnce.tsx';

const roles: UserRole[] = ['owner', 'manager', 'viewer'];

/** Staff: invite (a one-time password shown once), role, deactivate, new password. */
export function Managers({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const myId = useStore(sessionStore, (s) => s.me?.user.id);
  const live = useLive('settings', () => managersApi.list().then((r) => r.managers), /^users\./, []);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('manager');
  const [secret, setSecret] = useState<{ who: string; password: string } | null>(null);

  const invite = async () => {
    const answer = await attempt(() => managersApi.invite({ email: email.trim(), name: name.trim(), role }));
    if (!answer) return;
    setEmail('');
    setName('');
    setSecret({ who: answer.manager.email, password: answer.temporaryPassword });
  };

  return (
    <section class="crm-card" data-testid="managers" id="managers">
      <h2 class="crm-subtitle">{t('settings.managers')}</h2>
      <Loaded error={live.error} ready={live.data !== undefined}>
        <ul class="crm-list">
          {live.data?.map((m) => (
            <li key={m.id} class={m.active ? '' : 'is-inactive'}>
              <span>
                <strong>{m.name}</strong> <span class="muted small">{m.email}</span>
              </span>
              <span class="crm-actions">
                <select aria-label={t('settings.role')} value={m.role} disabled={!owner || m.id === myId} onChange={(e) => void attempt(() => managersApi.update(m.id, { role: e.currentTarget.value as UserRole }))}>
                  {roles.map((value) => (
                    <option key={value} value={value}>
                      {t(`settings.staff.${value}`)}
                    </option>
                  ))}
                </select>
                {owner && m.id !== myId && (
                  <>
                    <button type="button" class="button button--ghost" onClick={() => void attempt(() => managersApi.update(m.id, { active: !m.active }))}>
                      {m.active ? t('settings.deactivate') : t('settings.activate')}
                    </button>
                    <button
                      type="button"
                      class="button button--ghost"
                      onClick={() => void attempt(() => managersApi.resetPassword(m.id)).then((answer) => answer && setSecret({ who: m.email, password: answer.temporaryPassword }))}
                    >
                      {t('settings.resetPassword')}
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      </Loaded>
      {owner && (
        <form
          class="crm-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void invite();
          }}
        >
          <input name="inviteName" placeholder={t('settings.managerName')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <input name="inviteEmail" type="email" placeholder={t('login.email')} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          <select name="inviteRole" value={role} onChange={(e) => setRole(e.currentTarget.value as UserRole)}>
            {roles.map((value) => (
              <option key={value} value={value}>
                {t(`settings.staff.${value}`)}
              </option>
            ))}
          </select>
          <button type="submit" class="button button--primary" disabled={!email.trim() || !name.trim()}>
            {t('settings.invite')}
          </button>
        </form>
      )}
      {secret && (
        <SecretOnce title={t('settings.passwordTitle', { who: secret.who })} note={t('settings.passwordOnce')} secret={secret.password} onClose={() => setSecret(null)} />
      )}
    </section>
  );
}
