import type { ExpenseDTO } from '../../shared/crmTypes.ts';
import type { ExpenseBody } from '../api/expenses.ts';
import { useI18n } from '../i18n/index.ts';
import type { Refs } from '../store/refs.ts';
import { RefPicker } from '../ui/RefPicker.tsx';
import { parseRoubles, roublesText } from '../ui/roubles.ts';

/** An expense line as typed: the amount stays text until it is sent. */
export interface ExpenseDraft {
  spentOn: string;
  kind: 'expense' | 'income';
  channelId: number | null;
  cityId: number | null;
  note: string;
  amount: string;
}

export const draftOf = (expense: ExpenseDTO): ExpenseDraft => ({
  spentOn: expense.spentOn,
  kind: expense.kind,
  channelId: expense.channelId,
  cityId: expense.cityId,
  note: expense.note,
  amount: roublesText(expense.amount),
});

/** The body to send, or null when the amount is not a sum. */
export function bodyOf(draft: ExpenseDraft): ExpenseBody | null {
  const amount = parseRoubles(draft.amount);
  if (!amount) return null;
  return { kind: draft.kind, spentOn: draft.spentOn, amount, note: draft.note.trim(), channelId: draft.channelId, cityId: draft.cityId };
}

/** The line's inputs, one cell each, for a new line and for a line edited in place. */
export function ExpenseCells({ draft, refs, onChange }: { draft: ExpenseDraft; refs: Refs; onChange: (patch: Partial<ExpenseDraft>) => void }) {
  const { t } = useI18n();
  return (
    <>
      <td>
        <input type="date" name="spentOn" value={draft.spentOn} onChange={(e) => onChange({ spentOn: e.currentTarget.value })} />
      </td>
      <td>
        <select name="kind" value={draft.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as ExpenseDraft['kind'] })}>
          <option value="expense">{t('expenses.kind.expense')}</option>
          <option value="income">{t('expenses.kind.income')}</option>
        </select>
      </td>
      <td>
        <RefPicker name="channelId" items={refs.channels} value={draft.channelId} onChange={(channelId) => onChange({ channelId })} emptyLabel="—" />
      </td>
      <td>
        <RefPicker name="cityId" items={refs.cities} value={draft.cityId} onChange={(cityId) => onChange({ cityId })} emptyLabel="—" />
      </td>
      <td>
        <input name="note" placeholder={t('expenses.notePlaceholder')} value={draft.note} onInput={(e) => onChange({ note: e.currentTarget.value })} />
      </td>
      <td class="num">
        <input name="amount" size={8} inputMode="decimal" placeholder="0" value={draft.amount} onInput={(e) => onChange({ amount: e.currentTarget.value })} />
      </td>
    </>
  );
}
