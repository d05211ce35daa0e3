import { useI18n } from '../i18n/index.ts';
import { CopyField } from './CopyField.tsx';
import { Modal } from './Modal.tsx';

/** A secret the server shows once (an API key, a temporary password): select, copy, done. */
export function SecretOnce({ title, note, secret, testid, onClose }: { title: string; note: string; secret: string; testid?: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={title} onClose={onClose}>
      <p>{note}</p>
      <CopyField value={secret} testid={testid} mono />
      <div class="modal-actions">
        <button type="button" class="button button--primary" onClick={onClose}>
          {t('crm.done')}
        </button>
      </div>
    </Modal>
  );
}
