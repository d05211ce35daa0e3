import { useEffect, useState } from 'preact/hooks';
import type { MasterContacts, MasterDetailDTO } from '../../shared/crmTypes.ts';
import type { OrderDTO } from '../../shared/types.ts';
import { api } from '../api/orders.ts';
import { useI18n } from '../i18n/index.ts';
import { MasterChatButton } from '../masters/MasterChatButton.tsx';
import { contactLabel } from '../masters/contactLabels.ts';
import { MasterPicker } from './MasterPicker.tsx';
import './orders.css';

/**
 * The drawer's «Мастер»: the assigned master with his phone, contacts and a way to his chat (a
 * master without the bot is to be phoned), or, before work, the picker to give the order to one.
 */
export function MasterSection({ order, canAssign }: { order: OrderDTO; canAssign: boolean }) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  if (order.master) return <AssignedMaster masterId={order.master.id} name={order.master.name} />;
  return (
    <div class="master-card" data-testid="drawer-master">
      <div class="master-card-head">
        <span class="muted">{t('card.noMaster')}</span>
        {canAssign && !picking && (
          <button type="button" class="button" data-testid="assign-open" onClick={() => setPicking(true)}>
            {t('assign.open')}
          </button>
        )}
      </div>
      {canAssign && picking && <MasterPicker order={order} onDone={() => setPicking(false)} />}
    </div>
  );
}

function AssignedMaster({ masterId, name }: { masterId: number; name: string }) {
  const { t } = useI18n();
  const [master, setMaster] = useState<MasterDetailDTO | null>(null);
  useEffect(() => {
    let live = true;
    setMaster(null);
    api
      .master(masterId)
      .then((answer) => live && setMaster(answer.master))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [masterId]);
  const inBot = master ? master.telegramLinked && !master.botBlocked : null;
  const contacts = master ? (Object.entries(master.contacts) as [keyof MasterContacts, string][]).filter(([, value]) => value) : [];
  return (
    <div class="master-card" data-testid="drawer-master" data-master={masterId}>
      <div class="master-card-head">
        <span class="master-card-name" data-testid="drawer-master-name">
          {name}
        </span>
        {master?.phone && (
          <a class="master-card-phone" href={`tel:${master.phone}`} data-testid="drawer-master-phone" title={t('drawer.masterPhone')}>
            {master.phone}
          </a>
        )}
      </div>
      {contacts.length > 0 && (
        <dl class="master-card-contacts">
          {contacts.map(([kind, value]) => (
            <div key={kind}>
              <dt>{t(contactLabel[kind])}:</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {inBot !== null && <span class={`master-card-note${inBot ? '' : ' master-card-note--call'}`}>{inBot ? t('drawer.masterInBot') : t('drawer.masterNoBot')}</span>}
      <div class="master-card-actions">
        <MasterChatButton master={{ id: masterId, name }} />
      </div>
    </div>
  );
}
