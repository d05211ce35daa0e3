import { useEffect, useState } from 'preact/hooks';
import type { ExpenseDTO } from '../../shared/crmTypes.ts';
import { expensesApi } from '../api/expenses.ts';
import { useI18n } from '../i18n/index.ts';
import type { Refs } from '../store/refs.ts';
import { attempt, errorText } from '../ui/attempt.ts';
import { bodyOf, draftOf, ExpenseCells, type ExpenseDraft } from './ExpenseCells.tsx';

/** One line of Расходы; «Изменить» turns it into inputs in place, saved with «Сохранить» or Enter, dropped with «Отмена» or Esc. */
export function ExpenseRow({ expense: listed, refs, canWrite }: { expense: ExpenseDTO; refs: Refs; canWrite: boolean }) {
  const { t, money } = useI18n();
  // The saved line shows at once; the list's refetch after the push replaces it.
  const [saved, setSaved] = useState<ExpenseDTO | null>(null);
  useEffect(() => setSaved(null), [listed]);
  const expense = saved ?? listed;
  const [draft, setDraft] = useState<ExpenseDraft | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const cancel = () => {
    setDraft(null);
    setError('');
  };
  const save = async () => {
    if (!draft) return;
    const body = bodyOf(draft);
    if (!body) return setError(t('crm.badSum'));
    setBusy(true);
    try {
      setSaved((await expensesApi.update(expense.id, body)).expense);
      cancel();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  if (draft) {
    return (
      <tr
        data-expense={expense.id}
        data-editing="true"
        onKeyDown={(e) => {
          if (e.key === 'Escape') cancel();
          else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) void save();
        }}
      >
        <ExpenseCells draft={draft} refs={refs} onChange={(patch) => setDraft((d) => d && { ...d, ...patch })} />
        <td class="row-actions">
          <button type="button" class="button button--primary" disabled={busy} data-testid="save-expense" onClick={() => void save()}>
            {t('crm.save')}
          </button>{' '}
          <button type="button" class="button button--ghost" disabled={busy} onClick={cancel}>
            {t('crm.cancel')}
          </button>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
        </td>
      </tr>
    );
  }
  return (
    <tr data-expense={expense.id}>
      <td>{expense.spentOn.split('-').reverse().join('.')}</td>
      <td>
        <span class={`pill pill--${expense.kind}`}>{t(`expenses.kind.${expense.kind}`)}</span>
      </td>
      <td>{refs.name('channels', expense.channelId)}</td>
      <td>{refs.name('cities', expense.cityId)}</td>
      <td>{expense.note}</td>
      <td class={`num${expense.kind === 'income' ? ' is-good' : ''}`}>{(expense.kind === 'income' ? '+' : '−') + money(expense.amount)}</td>
      <td class="row-actions">
        {canWrite && (
          <>
            <button type="button" class="button button--ghost" data-testid="edit-expense" onClick={() => setDraft(draftOf(expense))}>
              {t('crm.edit')}
            </button>{' '}
            <button type="button" class="button button--danger-ghost" onClick={() => confirm(t('expenses.deleteConfirm')) && void attempt(() => expensesApi.remove(expense.id))}>
              {t('crm.delete')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
