import { useI18n } from '../i18n/index.ts';
import { NotificationSettingsView } from '../notifications/NotificationSettingsView.tsx';
import { OutboxView } from '../notifications/OutboxView.tsx';
import { routeStore } from '../shell/router.ts';
import { useRole } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { PageHead } from '../ui/Page.tsx';
import { ViewSwitch } from '../ui/ViewSwitch.tsx';
import { BonusSettings } from './BonusSettings.tsx';
import { CompanyBot } from './CompanyBot.tsx';
import { CompanySettings } from './CompanySettings.tsx';
import { Managers } from './Managers.tsx';
import { References } from './References.tsx';
import { StatusEditor } from './StatusEditor.tsx';
import { WallLinks } from './WallLinks.tsx';
import '../ui/page.css';

/**
 * Настройки: the company's settings and bonus programme, statuses and the transition matrix, staff,
 * wall-screen links; «Уведомления» (/settings/notifications), the messages to customers and staff
 * alerts; «Исходящие» (/settings/outbox), the messages themselves. Only the owner changes them.
 */
export function Page() {
  const { t } = useI18n();
  const owner = useRole() === 'owner';
  const view = useStore(routeStore, (s) => s.view);
  return (
    <div class="crm-page" data-testid="settings-page">
      <PageHead title={t('tabs.settings')}>
        <ViewSwitch
          label={t('settings.views')}
          options={[
            { path: '/settings', current: view === null, label: t('settings.view.company'), testId: 'view-company' },
            { path: '/settings/notifications', current: view === 'notifications', label: t('settings.view.notifications'), testId: 'view-notifications' },
            { path: '/settings/outbox', current: view === 'outbox', label: t('settings.view.outbox'), testId: 'view-outbox' },
          ]}
        />
        {!owner && view !== 'outbox' && <span class="muted">{t('settings.ownerOnly')}</span>}
      </PageHead>
      {view === 'notifications' ? <NotificationSettingsView owner={owner} /> : view === 'outbox' ? <OutboxView /> : <CompanyView owner={owner} />}
    </div>
  );
}

function CompanyView({ owner }: { owner: boolean }) {
  return (
    <div class="crm-scroll crm-pad settings-grid">
      <div class="settings-col">
        <CompanySettings owner={owner} />
        <BonusSettings owner={owner} />
      </div>
      <div class="settings-col">
        <CompanyBot owner={owner} />
        <WallLinks owner={owner} />
        <Managers owner={owner} />
        <References owner={owner} />
      </div>
      <StatusEditor owner={owner} />
    </div>
  );
}
