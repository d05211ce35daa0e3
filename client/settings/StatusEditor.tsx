import { useState } from 'preact/hooks';
import { actorRoles, type ActorRole, type TransitionMatrix } from '../../shared/statuses.ts';
import type { StatusDTO } from '../../shared/types.ts';
import { settingsApi, type StatusBody } from '../api/settings.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';

// The statuses the operations move orders into: renamed, never removed (the server says so too).
const core = new Set(['new', 'dispatched', 'accepted', 'rescheduled', 'done', 'paid', 'cancelled']);

export function StatusEditor({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const live = useLive('settings', settingsApi.statuses, /^(statuses|transitions)\./, []);
  return (
    <section class="crm-card settings-wide" data-testid="status-editor">
      <h2 class="crm-subtitle">{t('settings.statuses')}</h2>
      <Loaded error={live.error} ready={live.data !== undefined}>
        {live.data && (
          <div class="status-editor">
            <Statuses key={JSON.stringify(live.data.statuses)} saved={live.data.statuses} owner={owner} onSaved={live.reload} />
            <Matrix key={JSON.stringify(live.data.matrix)} statuses={live.data.statuses} saved={live.data.matrix} owner={owner} onSaved={live.reload} />
          </div>
        )}
      </Loaded>
    </section>
  );
}

function Statuses({ saved, owner, onSaved }: { saved: StatusDTO[]; owner: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const initial = (): StatusBody[] => [...saved].sort((a, b) => a.position - b.position).map(({ code, name, color, closed }) => ({ code, name: { ...name }, color, closed }));
  const [rows, setRows] = useState(initial);
  const dirty = JSON.stringify(rows) !== JSON.stringify(initial());
  const change = (index: number, patch: Partial<StatusBody>) => setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, delta: number) =>
    setRows((list) => {
      const next = [...list];
      const [row] = next.splice(index, 1);
      next.splice(Math.max(0, Math.min(next.length, index + delta)), 0, row!);
      return next;
    });
  return (
    <div>
      <table class="crm-table crm-table--compact">
        <thead>
          <tr>
            <th>{t('settings.statusCode')}</th>
            <th>RU</th>
            <th>EN</th>
            <th>{t('settings.statusColor')}</th>
            <th>{t('settings.statusClosed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-status={row.code}>
              <td>
                {saved.some((s) => s.code === row.code) ? <code>{row.code}</code> : <input size={10} value={row.code} disabled={!owner} onInput={(e) => change(index, { code: e.currentTarget.value })} />}
              </td>
              <td>
                <input size={14} value={row.name.ru} disabled={!owner} onInput={(e) => change(index, { name: { ...row.name, ru: e.currentTarget.value } })} />
              </td>
              <td>
                <input size={14} value={row.name.en} disabled={!owner} onInput={(e) => change(index, { name: { ...row.name, en: e.currentTarget.value } })} />
              </td>
              <td>
                <input type="color" value={row.color} disabled={!owner} onInput={(e) => change(index, { color: e.currentTarget.value })} />
              </td>
              <td>
                <input type="checkbox" checked={row.closed} disabled={!owner} onChange={(e) => change(index, { closed: e.currentTarget.checked })} />
              </td>
              <td class="row-actions">
                {owner && (
                  <>
                    <button type="button" class="icon-button" aria-label={t('settings.up')} onClick={() => move(index, -1)}>
                      ↑
                    </button>
                    <button type="button" class="icon-button" aria-label={t('settings.down')} onClick={() => move(index, 1)}>
                      ↓
                    </button>
                    {!core.has(row.code) && (
                      <button type="button" class="icon-button" aria-label={t('crm.delete')} onClick={() => setRows((list) => list.filter((_, i) => i !== index))}>
                        ×
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {owner && (
        <div class="crm-actions">
          <button type="button" class="button" onClick={() => setRows((list) => [...list, { code: '', name: { ru: '', en: '' }, color: '#64748b', closed: false }])}>
            {t('settings.addStatus')}
          </button>
          <button type="button" class="button button--primary" disabled={!dirty} onClick={() => void attempt(() => settingsApi.saveStatuses(rows), t('crm.saved')).then((ok) => ok && onSaved())}>
            {t('crm.save')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Who may move an order from a status (rows) to another (columns), per role. */
function Matrix({ statuses, saved, owner, onSaved }: { statuses: StatusDTO[]; saved: TransitionMatrix; owner: boolean; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const [role, setRole] = useState<ActorRole>('manager');
  const [matrix, setMatrix] = useState(saved);
  const dirty = JSON.stringify(matrix) !== JSON.stringify(saved);
  const ordered = [...statuses].sort((a, b) => a.position - b.position);
  const toggle = (from: string, to: string) =>
    setMatrix((m) => {
      const targets = m[role][from] ?? [];
      const next = targets.includes(to) ? targets.filter((code) => code !== to) : [...targets, to];
      return { ...m, [role]: { ...m[role], [from]: next } };
    });
  return (
    <div class="matrix" data-testid="matrix">
      <div class="crm-card-head">
        <h3 class="section-title">{t('settings.matrix')}</h3>
        <div class="segmented" role="group">
          {actorRoles.map((value) => (
            <button key={value} type="button" class={role === value ? 'is-active' : ''} aria-pressed={role === value} onClick={() => setRole(value)}>
              {t(`settings.role.${value}`)}
            </button>
          ))}
        </div>
      </div>
      <div class="matrix-scroll">
        <table class="matrix-table">
          <thead>
            <tr>
              <th class="matrix-corner">{t('settings.fromTo')}</th>
              {ordered.map((to) => (
                <th key={to.code} class="matrix-to" title={to.name[locale]}>
                  <span style={{ background: to.color }} class="dot" />
                  <span>{to.name[locale]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ordered.map((from) => (
              <tr key={from.code}>
                <th class="matrix-from">{from.name[locale]}</th>
                {ordered.map((to) => (
                  <td key={to.code}>
                    {from.code !== to.code && (
                      <input
                        type="checkbox"
                        aria-label={`${from.name[locale]} → ${to.name[locale]}`}
                        checked={matrix[role][from.code]?.includes(to.code) ?? false}
                        disabled={!owner}
                        onChange={() => toggle(from.code, to.code)}
                      />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {owner && (
        <div class="crm-actions">
          <button type="button" class="button button--primary" disabled={!dirty} onClick={() => void attempt(() => settingsApi.saveMatrix(matrix), t('crm.saved')).then((ok) => ok && onSaved())}>
            {t('settings.saveMatrix')}
          </button>
        </div>
      )}
    </div>
  );
}
