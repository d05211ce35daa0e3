import { useEffect, useState } from 'preact/hooks';
import type { PriceItemDTO } from '../../shared/crmTypes.ts';
import { pricesApi } from '../api/prices.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { useRefs } from '../store/refs.ts';
import { sessionStore, useRole } from '../store/session.ts';
import { useStore } from '../store/useStore.ts';
import { Loaded, PageHead } from '../ui/Page.tsx';
import { RefSelect } from '../ui/RefPicker.tsx';
import { CopyDialog } from './CopyDialog.tsx';
import { CsvImport } from './CsvImport.tsx';
import { PriceRow, NewPriceRow } from './PriceRow.tsx';
import '../ui/page.css';

const priceEvents = /^(prices|kinds)\./;

/** Прайс-лист: a city's items grouped by kind of work; copy to another city; CSV in and out. */
export function Page() {
  const { t, locale } = useI18n();
  const refs = useRefs();
  const role = useRole();
  const [cityId, setCityId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'copy' | 'import' | null>(null);
  useEffect(() => {
    if (cityId === null && refs.cities[0]) setCityId(refs.cities[0].id);
  }, [refs.cities]);
  const list = useLive('prices', () => (cityId ? pricesApi.list(cityId).then((r) => r.items) : Promise.resolve([])), priceEvents, [cityId]);
  const canWrite = role !== 'viewer';
  const slug = useStore(sessionStore, (st) => st.me?.tenant.slug);
  const citySlug = refs.cities.find((city) => city.id === cityId)?.slug;
  const items = list.data ?? [];
  const byKind = new Map<number, PriceItemDTO[]>();
  for (const item of items) byKind.set(item.kindId, [...(byKind.get(item.kindId) ?? []), item]);

  return (
    <div class="crm-page" data-testid="prices-page">
      <PageHead title={t('tabs.prices')}>
        <div class="filters">
          <RefSelect name="cityId" label={t('filters.city')} items={refs.cities} value={cityId} onChange={setCityId} />
          <span class="muted">{t('prices.count', { n: items.length })}</span>
        </div>
        {slug && citySlug && (
          <a class="button button--ghost" href={`/p/${slug}/prices/${citySlug}`} target="_blank" rel="noopener" title={t('prices.pageHint')}>
            {t('prices.page')}
          </a>
        )}
        {cityId && (
          <a class="button" href={`/api/prices/export?cityId=${cityId}&lang=${locale}`} download>
            {t('prices.export')}
          </a>
        )}
        {canWrite && (
          <>
            <button type="button" class="button" onClick={() => setDialog('import')}>
              {t('prices.import')}
            </button>
            <button type="button" class="button" disabled={!cityId} onClick={() => setDialog('copy')}>
              {t('prices.copy')}
            </button>
          </>
        )}
      </PageHead>
      <div class="crm-scroll crm-pad">
        <Loaded error={list.error} ready={list.data !== undefined}>
          <table class="crm-table crm-table--prices" data-testid="prices-table">
            <thead>
              <tr>
                <th>{t('prices.name')}</th>
                <th>{t('prices.unit')}</th>
                <th class="num">{t('prices.price')}</th>
                <th />
              </tr>
            </thead>
            {refs.kinds.map((kind) => (
              <tbody key={kind.id}>
                <tr class="crm-group">
                  <th colSpan={4}>{kind.name}</th>
                </tr>
                {(byKind.get(kind.id) ?? []).map((item) => (
                  <PriceRow key={`${item.id}:${item.name}:${item.unit}:${item.price}`} item={item} canWrite={canWrite} />
                ))}
                {(byKind.get(kind.id) ?? []).length === 0 && (
                  <tr>
                    <td colSpan={4} class="muted small">
                      {t('prices.emptyKind')}
                    </td>
                  </tr>
                )}
              </tbody>
            ))}
            {canWrite && cityId && (
              <tfoot>
                <NewPriceRow cityId={cityId} kinds={refs.kinds} />
              </tfoot>
            )}
          </table>
        </Loaded>
      </div>
      {dialog === 'copy' && cityId && <CopyDialog fromCityId={cityId} refs={refs} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <CsvImport onClose={() => setDialog(null)} />}
    </div>
  );
}
