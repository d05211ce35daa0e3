import { useEffect, useState } from 'preact/hooks';
import { normalisePhone } from '../../shared/phone.ts';
import type { CandidateDTO, OrderDTO } from '../../shared/types.ts';
import { api } from '../api/orders.ts';
import { assignTo, errorText } from '../board/actions.ts';
import { useI18n } from '../i18n/index.ts';
import { toast } from '../store/ui.ts';
import './orders.css';

/**
 * Giving an order to a master by hand: the masters who match it as the search would (city, kind of
 * work, on shift, debt under the limit) first, best rated first; any approved master on request.
 * A master with the bot gets the card in Telegram; one without is to be phoned.
 */
export function MasterPicker({ order, onDone }: { order: OrderDTO; onDone: (assigned: OrderDTO | null) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [candidates, setCandidates] = useState<CandidateDTO[] | null>(null);
  const [failed, setFailed] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    api
      .candidates(order.id)
      .then((answer) => live && setCandidates(answer.candidates))
      .catch((error: unknown) => live && setFailed(errorText(error)));
    return () => {
      live = false;
    };
  }, [order.id]);

  const pick = async (candidate: CandidateDTO) => {
    setBusy(candidate.id);
    try {
      const assigned = await assignTo(order.id, candidate.id);
      const done = candidate.hasBot ? 'assign.doneBot' : 'assign.doneCall';
      toast(t(done, { n: assigned.number, name: candidate.name, phone: candidate.phone ?? '—' }), 'info', 10_000);
      onDone(assigned);
    } catch (error) {
      setFailed(errorText(error));
      setBusy(null);
    }
  };

  if (!candidates) return <p class="muted picker-state">{failed || t('assign.loading')}</p>;
  const matching = candidates.filter((c) => c.matching);
  const shown = (showAll ? candidates : matching).filter((c) => fitsQuery(c, query));

  return (
    <div class="picker" data-testid="master-picker">
      <div class="picker-head">
        <strong>{showAll ? t('assign.all') : t('assign.matching')}</strong>
        <input type="search" class="picker-search" name="master-search" placeholder={t('assign.search')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        {candidates.length > matching.length && (
          <button type="button" class="button button--ghost" data-testid="picker-show-all" onClick={() => setShowAll(!showAll)}>
            {showAll ? t('assign.showMatching') : t('assign.showAll', { n: candidates.length })}
          </button>
        )}
      </div>
      {failed && (
        <p class="form-error" role="alert">
          {failed}
        </p>
      )}
      {shown.length === 0 ? (
        <p class="muted picker-state">{candidates.length === 0 ? t('assign.none') : t('assign.noneMatching')}</p>
      ) : (
        <ul class="picker-list">
          {shown.map((c) => (
            <li key={c.id} class={`picker-item${c.matching ? '' : ' picker-item--off'}`} data-testid="candidate" data-master={c.id}>
              <div class="picker-who">
                <span class="picker-name">{c.name}</span>
                <span class="picker-phone">{c.phone ?? '—'}</span>
              </div>
              <div class="picker-facts">
                <span class="chip">{t('assign.rating', { n: c.rating })}</span>
                <span class={`chip${c.fits.debtUnderLimit ? '' : ' chip--bad'}`}>{c.fits.debtUnderLimit ? t('assign.debt', { sum: i18n.money(c.debt) }) : `${t('assign.overDebt')}: ${i18n.money(c.debt)}`}</span>
                <span class={`chip${c.fits.onShift ? ' chip--ok' : ' chip--bad'}`}>{c.fits.onShift ? t('assign.onShift') : t('assign.offShift')}</span>
                {!c.fits.city && <span class="chip chip--bad">{t('assign.otherCity')}</span>}
                {!c.fits.kind && <span class="chip chip--bad">{t('assign.otherKind')}</span>}
                <span class="chip">{c.hasBot ? t('assign.bot') : t('assign.noBot')}</span>
                {c.inWork > 0 && <span class="chip">{t('assign.inWork', { n: c.inWork })}</span>}
              </div>
              <button type="button" class="button button--primary picker-pick" disabled={busy !== null} onClick={() => void pick(c)}>
                {t('assign.pick')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="modal-actions">
        <button type="button" class="button button--ghost" onClick={() => onDone(null)}>
          {t('assign.close')}
        </button>
      </div>
    </div>
  );
}

/** Name in any case, or the phone in any spelling ("8 916…", "+7 (916)…", its last digits). */
function fitsQuery(candidate: CandidateDTO, query: string): boolean {
  const text = query.trim().toLowerCase();
  if (!text) return true;
  if (candidate.name.toLowerCase().includes(text)) return true;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3 || !candidate.phone) return false;
  const wanted = normalisePhone(text)?.replace(/\D/g, '') ?? digits;
  return candidate.phone.replace(/\D/g, '').includes(wanted);
}
