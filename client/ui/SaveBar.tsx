import { useI18n } from '../i18n/index.ts';

/** A settings form's «Сохранить» (live once something changed) and «Отменить» (back to what is saved). */
export function SaveBar({ dirty, testId, onCancel, class: extra }: { dirty: boolean; testId: string; onCancel: () => void; class?: string }) {
  const { t } = useI18n();
  return (
    <div class={extra ? `settings-save ${extra}` : 'settings-save'}>
      <button type="submit" class="button button--primary" disabled={!dirty} data-testid={testId}>
        {t('crm.save')}
      </button>
      {dirty && (
        <button type="button" class="button button--ghost" onClick={onCancel}>
          {t('crm.cancel')}
        </button>
      )}
    </div>
  );
}
