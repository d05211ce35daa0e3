import type { MasterListItemDTO } from '../../shared/crmTypes.ts';
import { useI18n } from '../i18n/index.ts';
import type { Refs } from '../store/refs.ts';
import { formatRating, MasterStatus } from './MasterStatus.tsx';
import { UnreadCount } from './UnreadCount.tsx';

export function MasterTable({ masters, refs, selected, onSelect }: { masters: MasterListItemDTO[]; refs: Refs; selected: number | null; onSelect: (m: MasterListItemDTO) => void }) {
  const { t, money, dateTime } = useI18n();
  const names = (list: 'cities' | 'kinds', ids: number[]) => ids.map((id) => refs.name(list, id)).join(', ');
  if (masters.length === 0) return <p class="page-state muted">{t('masters.none')}</p>;
  return (
    <table class="crm-table" data-testid="masters-table">
      <thead>
        <tr>
          <th>{t('masters.name')}</th>
          <th>{t('masters.status')}</th>
          <th>{t('masters.cities')}</th>
          <th>{t('masters.kinds')}</th>
          <th class="num">{t('masters.rating')}</th>
          <th class="num" title={t('masters.activity.hint')}>{t('masters.activity')}</th>
          <th class="num">{t('masters.debt')}</th>
          <th>{t('masters.lastSeen')}</th>
        </tr>
      </thead>
      <tbody>
        {masters.map((m) => (
          <tr key={m.id} data-master={m.id} class={m.id === selected ? 'is-selected' : ''} onClick={() => onSelect(m)}>
            <td>
              <a href={`/masters/${m.id}`} class="crm-link" onClick={(e) => e.preventDefault()}>
                {m.name}
              </a>
              <UnreadCount masterId={m.id} />
              <div class="muted small">
                {m.phone ?? '—'} {!m.telegramLinked && (
                  <span class="chip" data-testid="no-bot">
                    {t('masters.manual')}
                  </span>
                )}
              </div>
            </td>
            <td>
              <MasterStatus master={m} />
            </td>
            <td>{names('cities', m.cityIds)}</td>
            <td>{names('kinds', m.kindIds)}</td>
            <td class="num">{formatRating(m.rating)}</td>
            <td class="num">
              {m.activity.taken} / {m.activity.done} / {m.activity.paid} / {m.activity.cancelled}
            </td>
            <td class={`num${m.activity.overDebtLimit ? ' is-bad' : ''}`}>{m.activity.debt ? money(m.activity.debt) : '—'}</td>
            <td class="muted">{m.lastSeenAt ? dateTime(m.lastSeenAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
