import { useState } from 'preact/hooks';
import { importPrices, type CsvRowError } from '../api/priceCsv.ts';
import { useI18n } from '../i18n/index.ts';
import { toast } from '../store/ui.ts';
import { Modal } from '../ui/Modal.tsx';

/** CSV upload: all rows or none; a refused file lists its errors line by line. */
export function CsvImport({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [failure, setFailure] = useState<{ message: string; errors: CsvRowError[] } | null>(null);
  const upload = async () => {
    if (!file) return;
    const answer = await importPrices(await file.text(), replace).catch((error: unknown) => ({ ok: false as const, message: String(error), errors: [] }));
    if (answer.ok) {
      toast(t('prices.imported', { created: answer.created, updated: answer.updated }));
      onClose();
    } else setFailure(answer);
  };
  return (
    <Modal title={t('prices.importTitle')} onClose={onClose}>
      <form
        class="modal-form"
        data-testid="csv-import"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <p class="muted small">{t('prices.importHint')}</p>
        <input type="file" name="csv" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <label class="field field--check">
          <input type="checkbox" name="replace" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
          {t('prices.importReplace')}
        </label>
        {failure && (
          <div class="banner banner--error" role="alert">
            <strong>{failure.message}</strong>
            <ul class="csv-errors">
              {failure.errors.slice(0, 50).map((error) => (
                <li key={`${error.line}:${error.field}`}>{t('prices.rowError', { line: error.line, message: error.message })}</li>
              ))}
            </ul>
          </div>
        )}
        <div class="modal-actions">
          <button type="button" class="button" onClick={onClose}>
            {t('crm.cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={!file}>
            {t('prices.import')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
