import { useState } from 'preact/hooks';
import type { MasterContacts, MasterDTO } from '../../shared/crmTypes.ts';
import { mastersApi } from '../api/masters.ts';
import { useI18n } from '../i18n/index.ts';
import type { Refs } from '../store/refs.ts';
import { toast } from '../store/ui.ts';
import { errorText } from '../ui/attempt.ts';
import { Modal } from '../ui/Modal.tsx';
import { contactLabel, messengers } from './contactLabels.ts';
import { IdChecks } from './IdChecks.tsx';


/**
 * Manual registration (a master without the bot, whose orders go through the manager), or, given
 * a master, the correction of his name, phone and contacts; his cities and kinds are edited in the panel.
 */
export function MasterForm({ refs, master, onClose, onSaved }: { refs: Refs; master?: MasterDTO; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(master?.name ?? '');
  const [phone, setPhone] = useState(master?.phone ?? '');
  const [contacts, setContacts] = useState<MasterContacts>(master?.contacts ?? {});
  const [cityIds, setCityIds] = useState<number[]>([]);
  const [kindIds, setKindIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const filled = Object.fromEntries(Object.entries(contacts).filter(([, value]) => typeof value === 'string' && value.trim())) as MasterContacts;
    try {
      const saved = master
        ? (await mastersApi.update(master.id, { name, phone, contacts: filled })).master
        : (await mastersApi.create({ name, phone, contacts: filled, cityIds, kindIds })).master;
      toast(master ? t('crm.saved') : t('masters.created', { name: saved.name }));
      onSaved(saved.id);
      onClose();
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <Modal title={master ? t('masters.editTitle', { name: master.name }) : t('masters.addTitle')} onClose={onClose} wide>
      <form
        class="modal-form crm-form"
        data-testid="master-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {!master && <p class="muted small">{t('masters.addHint')}</p>}
        <label class="field">
          <span class="field-label">{t('masters.name')}</span>
          <input name="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">{t('masters.phone')}</span>
          <input name="phone" type="tel" required value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
        </label>
        <div class="crm-grid2">
          {messengers.map((kind) => (
            <label key={kind} class="field">
              <span class="field-label">{t(contactLabel[kind])}</span>
              <input name={kind} value={contacts[kind] ?? ''} onInput={(e) => setContacts((c) => ({ ...c, [kind]: e.currentTarget.value }))} />
            </label>
          ))}
        </div>
        {!master && (
          <>
            <span class="field-label">{t('masters.cities')}</span>
            <IdChecks name="cityIds" items={refs.cities} value={cityIds} onChange={setCityIds} />
            <span class="field-label">{t('masters.kinds')}</span>
            <IdChecks name="kindIds" items={refs.kinds} value={kindIds} onChange={setKindIds} />
          </>
        )}
        {error && <p class="form-error">{error}</p>}
        <div class="modal-actions">
          <button type="button" class="button" onClick={onClose}>
            {t('crm.cancel')}
          </button>
          <button type="submit" class="button button--primary">
            {t('crm.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
