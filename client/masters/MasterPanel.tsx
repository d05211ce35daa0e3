import { useState } from 'preact/hooks';
import type { MasterDetailDTO } from '../../shared/crmTypes.ts';
import { mastersApi } from '../api/masters.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import type { Refs } from '../store/refs.ts';
import { useRole } from '../store/session.ts';
import { attempt } from '../ui/attempt.ts';
import { Modal } from '../ui/Modal.tsx';
import { Loaded } from '../ui/Page.tsx';
import { Chat } from './Chat.tsx';
import { contactName } from './contactLabels.ts';
import { IdChecks } from './IdChecks.tsx';
import { MasterForm } from './MasterForm.tsx';
import { formatRating, MasterStatus } from './MasterStatus.tsx';

const masterEvents = /^(masters|orders)\./;

/** One master: contacts, activity, moderation, cities and kinds, and the chat. */
export function MasterPanel({ id, refs, onClose }: { id: number; refs: Refs; onClose: () => void }) {
  const { t, money, dateTime } = useI18n();
  const role = useRole();
  const live = useLive('masters', () => mastersApi.get(id).then((r) => r.master), masterEvents, [id]);
  const [blocking, setBlocking] = useState(false);
  const [editing, setEditing] = useState(false);
  const m = live.data;
  const canWrite = role !== 'viewer';
  const facts = (master: MasterDetailDTO): [string, string][] => [
    [t('masters.phone'), master.phone ?? '—'],
    [t('masters.source'), t(master.source === 'manual' ? 'masters.source.manual' : 'masters.source.bot')],
    ...Object.entries(master.contacts).map(([kind, value]): [string, string] => [contactName(kind, t), String(value)]),
    ...(master.passport ? [[t('masters.passport'), master.passport] as [string, string]] : []),
    [t('masters.rating'), formatRating(master.rating)],
    [t('masters.lastSeen'), master.lastSeenAt ? dateTime(master.lastSeenAt) : '—'],
  ];

  return (
    <aside class="crm-panel" data-testid="master-panel" aria-label={m?.name}>
      <div class="drawer-head">
        <h2 class="drawer-title">{m?.name ?? '…'}</h2>
        {m && <MasterStatus master={m} />}
        <button type="button" class="icon-button drawer-close" aria-label={t('toast.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <Loaded error={live.error} ready={m !== undefined}>
        {m && (
          <div class="crm-panel-body">
            {m.status === 'blocked' && m.blockReason && <p class="banner banner--warn">{t('masters.blockedFor', { reason: m.blockReason })}</p>}
            {canWrite && (
              <div class="crm-actions">
                {m.status !== 'approved' && (
                  <button type="button" class="button button--primary" data-testid="approve" onClick={() => void attempt(() => mastersApi.approve(id), t('masters.approved')).then(live.reload)}>
                    {t('masters.approve')}
                  </button>
                )}
                <button type="button" class="button" data-testid="edit-master" onClick={() => setEditing(true)}>
                  {t('masters.edit')}
                </button>
                {m.status !== 'blocked' && (
                  <button type="button" class="button button--danger-ghost" data-testid="block" onClick={() => setBlocking(true)}>
                    {t('masters.block')}
                  </button>
                )}
              </div>
            )}
            <dl class="crm-facts">
              {facts(m).map(([label, value]) => (
                <div key={label} class="crm-fact">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <div class="crm-stats">
              <Stat label={t('masters.taken')} value={m.activity.taken} />
              <Stat label={t('masters.done')} value={m.activity.done} />
              <Stat label={t('masters.paid')} value={m.activity.paid} />
              <Stat label={t('masters.cancelled')} value={m.activity.cancelled} />
              <Stat label={t('masters.debt')} value={money(m.activity.debt)} bad={m.activity.overDebtLimit} />
            </div>
            <Areas key={`${m.cityIds.join()}|${m.kindIds.join()}`} master={m} refs={refs} canWrite={canWrite} onSaved={live.reload} />
            <Chat masterId={id} canWrite={canWrite} manual={m.source === 'manual' && !m.telegramLinked} />
          </div>
        )}
      </Loaded>
      {blocking && <BlockDialog id={id} onClose={() => setBlocking(false)} onDone={live.reload} />}
      {editing && m && <MasterForm refs={refs} master={m} onClose={() => setEditing(false)} onSaved={live.reload} />}
    </aside>
  );
}

function Stat({ label, value, bad }: { label: string; value: string | number; bad?: boolean }) {
  return (
    <div class={`crm-stat${bad ? ' is-bad' : ''}`}>
      <span class="crm-stat-value">{value}</span>
      <span class="crm-stat-label">{label}</span>
    </div>
  );
}

/** Cities and kinds of work: what offers the master gets. */
function Areas({ master, refs, canWrite, onSaved }: { master: MasterDetailDTO; refs: Refs; canWrite: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [cityIds, setCityIds] = useState(master.cityIds);
  const [kindIds, setKindIds] = useState(master.kindIds);
  const dirty = cityIds.join() !== master.cityIds.join() || kindIds.join() !== master.kindIds.join();
  return (
    <section class="crm-block">
      <h3 class="section-title">{t('masters.cities')}</h3>
      <IdChecks name="cityIds" items={refs.cities} value={cityIds} onChange={setCityIds} disabled={!canWrite} />
      <h3 class="section-title">{t('masters.kinds')}</h3>
      <IdChecks name="kindIds" items={refs.kinds} value={kindIds} onChange={setKindIds} disabled={!canWrite} />
      {dirty && (
        <button type="button" class="button button--primary" data-testid="save-areas" onClick={() => void attempt(() => mastersApi.update(master.id, { cityIds, kindIds }), t('crm.saved')).then(onSaved)}>
          {t('crm.save')}
        </button>
      )}
    </section>
  );
}

function BlockDialog({ id, onClose, onDone }: { id: number; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Modal title={t('masters.blockTitle')} onClose={onClose}>
      <form
        class="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(() => mastersApi.block(id, reason.trim()), t('masters.blocked')).then((ok) => {
            if (ok) {
              onDone();
              onClose();
            }
          });
        }}
      >
        <label class="field">
          <span class="field-label">{t('masters.blockReason')}</span>
          <textarea name="reason" rows={3} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <div class="modal-actions">
          <button type="button" class="button" onClick={onClose}>
            {t('crm.cancel')}
          </button>
          <button type="submit" class="button button--danger" disabled={!reason.trim()}>
            {t('masters.block')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
