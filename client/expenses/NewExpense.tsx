import { useState } from 'preact/hooks';
import { crm } from '../crm/api.ts';
import type { Refs } from '../crm/refs.ts';
import { attempt, parseRoubles, RefPicker } from '../crm/ui.tsx';
import { useI18n } from '../i18n/index.ts';
import { toast } from '../store/ui.ts';
import { today } from './ExpensesPage.tsx';

export function NewExpense({ refs }: { refs: Refs }) {
  const { t } = useI18n();
  const [spentOn, setSpentOn] = useState(today);
  const [kind, setKind] = useState<'expense' | 'income'>('expense');
  const [channelId, setChannelId] = useState<number | null>(null);
  const [cityId, setCityId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const add = async () => {
    const kopecks = parseRoubles(amount);
    if (!kopecks) return toast(t('crm.badSum'), 'error');
    const body = { kind, spentOn, amount: kopecks, note: note.trim(), channelId, cityId };
    if (await attempt(() => crm.createExpense(body))) {
      setAmount('');
      setNote('');
    }
  };
  return (
    <tr class="crm-new" data-testid="new-expense">
      <td>
        <input type="date" name="spentOn" value={spentOn} onChange={(e) => setSpentOn(e.currentTarget.value)} />
      </td>
      <td>
        <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'expense' | 'income')}>
          <option value="expense">{t('expenses.kind.expense')}</option>
          <option value="income">{t('expenses.kind.income')}</option>
        </select>
      </td>
      <td>
        <RefPicker name="channelId" items={refs.channels} value={channelId} onChange={setChannelId} emptyLabel="—" />
      </td>
      <td>
        <RefPicker name="cityId" items={refs.cities} value={cityId} onChange={setCityId} emptyLabel="—" />
      </td>
      <td>
        <input name="note" placeholder={t('expenses.notePlaceholder')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </td>
      <td class="num">
        <input name="amount" size={8} inputMode="decimal" placeholder="0" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
      </td>
      <td class="row-actions">
        <button type="button" class="button button--primary" disabled={!amount} onClick={() => void add()}>
          {t('expenses.add')}
        </button>
      </td>
    </tr>
  );
}
