import { useState } from 'preact/hooks';
import type { PriceItemDTO } from '../../shared/crmTypes.ts';
import type { RefDTO } from '../../shared/types.ts';
import { pricesApi } from '../api/prices.ts';
import { useI18n } from '../i18n/index.ts';
import { toast } from '../store/ui.ts';
import { attempt } from '../ui/attempt.ts';
import { parseRoubles, roublesText } from '../ui/roubles.ts';

/** A price line; click "edit" to change it in place. */
export function PriceRow({ item, canWrite }: { item: PriceItemDTO; canWrite: boolean }) {
  const { t, money } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(item.name);
  const [unit, setUnit] = useState(item.unit);
  const [price, setPrice] = useState(roublesText(item.price));
  if (!editing) {
    return (
      <tr data-item={item.id}>
        <td>{item.name}</td>
        <td>{item.unit}</td>
        <td class="num">{money(item.price)}</td>
        <td class="row-actions">
          {canWrite && (
            <>
              <button type="button" class="button button--ghost" onClick={() => setEditing(true)}>
                {t('crm.edit')}
              </button>
              <button type="button" class="button button--danger-ghost" onClick={() => confirm(t('prices.deleteConfirm', { name: item.name })) && void attempt(() => pricesApi.remove(item.id))}>
                {t('crm.delete')}
              </button>
            </>
          )}
        </td>
      </tr>
    );
  }
  const save = async () => {
    const kopecks = parseRoubles(price);
    if (kopecks === null) return toast(t('crm.badSum'), 'error');
    if (await attempt(() => pricesApi.update(item.id, { name, unit, price: kopecks }))) setEditing(false);
  };
  return (
    <tr data-item={item.id} class="is-editing">
      <td>
        <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </td>
      <td>
        <input name="unit" size={6} value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
      </td>
      <td class="num">
        <input name="price" size={8} inputMode="decimal" value={price} onInput={(e) => setPrice(e.currentTarget.value)} />
      </td>
      <td class="row-actions">
        <button type="button" class="button button--primary" onClick={() => void save()}>
          {t('crm.save')}
        </button>
        <button type="button" class="button button--ghost" onClick={() => setEditing(false)}>
          {t('crm.cancel')}
        </button>
      </td>
    </tr>
  );
}

export function NewPriceRow({ cityId, kinds }: { cityId: number; kinds: readonly RefDTO[] }) {
  const { t } = useI18n();
  const [kindId, setKindId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('шт');
  const [price, setPrice] = useState('');
  const kind = kindId ?? kinds[0]?.id ?? null;
  const add = async () => {
    const kopecks = parseRoubles(price);
    if (kopecks === null) return toast(t('crm.badSum'), 'error');
    if (!kind || !name.trim()) return;
    if (await attempt(() => pricesApi.create({ cityId, kindId: kind, name: name.trim(), unit: unit.trim() || 'шт', price: kopecks }))) {
      setName('');
      setPrice('');
    }
  };
  return (
    <tr class="crm-new" data-testid="new-price">
      <td>
        <select name="kindId" value={kind ?? ''} onChange={(e) => setKindId(Number(e.currentTarget.value))}>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>{' '}
        <input name="name" placeholder={t('prices.name')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </td>
      <td>
        <input name="unit" size={6} value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
      </td>
      <td class="num">
        <input name="price" size={8} inputMode="decimal" placeholder="0" value={price} onInput={(e) => setPrice(e.currentTarget.value)} />
      </td>
      <td class="row-actions">
        <button type="button" class="button button--primary" disabled={!name.trim() || !price} onClick={() => void add()}>
          {t('prices.add')}
        </button>
      </td>
    </tr>
  );
}
