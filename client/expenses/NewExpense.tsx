import { useState } from 'preact/hooks';
import { expensesApi } from '../api/expenses.ts';
import { useI18n } from '../i18n/index.ts';
import type { Refs } from '../store/refs.ts';
import { errorText } from '../ui/attempt.ts';
import { bodyOf, ExpenseCells, type ExpenseDraft } from './ExpenseCells.tsx';
import { today } from './ExpensesPage.tsx';

/** The line under the table: an add that fails says why beside it; one that succeeds replaces that with what was added. */
export function NewExpense({ refs }: { refs: Refs }) {
  const { t, money } = useI18n();
  const [draft, setDraft] = useState<ExpenseDraft>(() => ({ spentOn: today(), kind: 'expense', channelId: null, cityId: null, note: '', amount: '' }));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    const body = bodyOf(draft);
    if (!body) return setOutcome({ ok: false, text: t('crm.badSum') });
    setBusy(true);
    try {
      const { expense } = await expensesApi.create(body);
      setDraft((d) => ({ ...d, amount: '', note: '' }));
      setOutcome({ ok: true, text: t(expense.kind === 'income' ? 'expenses.addedIncome' : 'expenses.added', { sum: money(expense.amount) }) });
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <tr
        class="crm-new"
        data-testid="new-expense"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) void add();
        }}
      >
        <ExpenseCells draft={draft} refs={refs} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        <td class="row-actions">
          <button type="button" class="button button--primary" disabled={!draft.amount || busy} onClick={() => void add()}>
            {t('expenses.add')}
          </button>
        </td>
      </tr>
      {outcome && (
        <tr class="crm-new">
          <td colSpan={7}>
            <p class={outcome.ok ? 'form-notice' : 'form-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="new-expense-outcome" data-ok={String(outcome.ok)}>
              {outcome.text}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}
