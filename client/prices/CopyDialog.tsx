import { useState } from 'preact/hooks';
import { pricesApi } from '../api/prices.ts';
import { useI18n } from '../i18n/index.ts';
import type { Refs } from '../store/refs.ts';
import { attempt } from '../ui/attempt.ts';
import { Modal } from '../ui/Modal.tsx';

/** Copies this city's list to another: merged by kind and name, or replacing the target's list. */
export function CopyDialog({ fromCityId, refs, onClose }: { fromCityId: number; refs: Refs; onClose: () => void }) {
  const { t } = useI18n();
  const targets = refs.cities.filter((city) => city.id !== fromCityId);
  const [toCityId, setTo] = useState(targets[0]?.id ?? 0);
  const [replace, setReplace] = useState(false);
  return (
    <Modal title={t('prices.copyTitle', { city: refs.name('cities', fromCityId) })} onClose={onClose}>
      <form
        class="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(() => pricesApi.copy({ fromCityId, toCityId, replace })).then((answer) => {
            if (answer) onClose();
          });
        }}
      >
        <label class="field">
          <span class="field-label">{t('prices.copyTo')}</span>
          <select name="toCityId" value={toCityId} onChange={(e) => setTo(Number(e.currentTarget.value))}>
            {targets.map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field field--check">
          <input type="checkbox" name="replace" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
          {t('prices.copyReplace')}
        </label>
        <div class="modal-actions">
          <button type="button" class="button" onClick={onClose}>
            {t('crm.cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={!toCityId}>
            {t('prices.copy')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
