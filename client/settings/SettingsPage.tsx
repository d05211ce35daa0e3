import '../crm/crm.css';
import { PageHead, useRole } from '../crm/ui.tsx';
import { useI18n } from '../i18n/index.ts';
import { CompanySettings } from './CompanySettings.tsx';
import { Managers } from './Managers.tsx';
import { References } from './References.tsx';
import { StatusEditor } from './StatusEditor.tsx';
import { WallLinks } from './WallLinks.tsx';

/** Настройки: the company's settings, statuses and the transition matrix, staff, wall-screen links. Only the owner changes them. */
export function Page() {
  const { t } = useI18n();
  const owner = useRole() === 'owner';
  return (
    <div class="crm-page" data-testid="settings-page">
      <PageHead title={t('tabs.settings')}>{!owner && <span class="muted">{t('settings.ownerOnly')}</span>}</PageHead>
      <div class="crm-scroll crm-pad settings-grid">
        <CompanySettings owner={owner} />
        <div class="settings-col">
          <WallLinks owner={owner} />
          <Managers owner={owner} />
          <References owner={owner} />
        </div>
        <StatusEditor owner={owner} />
      </div>
    </div>
  );
}
