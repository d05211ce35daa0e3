import { useI18n } from '../i18n/index.ts';
import { sessionStore } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { TelegramLink } from './TelegramLink.tsx';

/** Профиль: who is signed in, their own password, and (staff who may write) their Telegram for the company's alerts. */
export function Page() {
  const { t } = useI18n();
  const me = useStore(sessionStore, (s) => s.me);
  if (!me) return null;
  return (
    <section class="profile-page">
      <h1>{t('tabs.profile')}</h1>
      <dl class="profile-facts">
        <dt>{t('profile.name')}</dt>
        <dd>{me.user.name}</dd>
        <dt>{t('login.email')}</dt>
        <dd>{me.user.email}</dd>
        <dt>{t('profile.company')}</dt>
        <dd>{me.tenant.name}</dd>
        <dt>{t('profile.role')}</dt>
        <dd>{t(`profile.role.${me.user.role}`)}</dd>
      </dl>
      <h2>{t('password.title')}</h2>
      <PasswordForm />
      {me.user.role !== 'viewer' && <TelegramLink owner={me.user.role === 'owner'} />}
    </section>
  );
}
