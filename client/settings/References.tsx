import { useState } from 'preact/hooks';
import type { RefDTO } from '../../shared/types.ts';
import { refsApi } from '../api/refs.ts';
import { useI18n } from '../i18n/index.ts';
import { useRefs } from '../store/refs.ts';
import { attempt } from '../ui/attempt.ts';

/** The company's cities and kinds of work: add, rename, remove (the server refuses while orders use one). */
export function References({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const refs = useRefs();
  return (
    <section class="crm-card" data-testid="references">
      <h2 class="crm-subtitle">{t('settings.references')}</h2>
      <div class="refs-grid">
        <RefList table="cities" title={t('masters.cities')} items={refs.cities} owner={owner} />
        <RefList table="kinds" title={t('masters.kinds')} items={refs.kinds} owner={owner} />
      </div>
    </section>
  );
}

function RefList({ table, title, items, owner }: { table: 'cities' | 'kinds'; title: string; items: RefDTO[]; owner: boolean }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const rename = (item: RefDTO) => {
    const next = prompt(t('settings.renamePrompt'), item.name)?.trim();
    if (next && next !== item.name) void attempt(() => refsApi.rename(table, item.id, next));
  };
  return (
    <div data-table={table} id={table}>
      <h3 class="section-title">{title}</h3>
      <ul class="crm-list">
        {items.map((item) => (
          <li key={item.id}>
            <span>
              {item.name} <span class="muted small">{item.slug}</span>
            </span>
            {owner && (
              <span class="crm-actions">
                <button type="button" class="icon-button" aria-label={t('crm.edit')} title={t('crm.edit')} onClick={() => rename(item)}>
                  ✎
                </button>
                <button type="button" class="icon-button" aria-label={t('crm.delete')} title={t('crm.delete')} onClick={() => confirm(t('settings.deleteRefConfirm', { name: item.name })) && void attempt(() => refsApi.remove(table, item.id))}>
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {owner && (
        <form
          class="crm-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(() => refsApi.create(table, name.trim())).then((answer) => answer && setName(''));
          }}
        >
          <input name={`${table}Name`} placeholder={t('settings.newRef')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" class="button" disabled={!name.trim()}>
            {t('channels.add')}
          </button>
        </form>
      )}
    </div>
  );
}
