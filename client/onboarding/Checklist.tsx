import type { ChecklistStep } from '../../shared/checklist.ts';
import { onboardingApi } from '../api/onboarding.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { useRole } from '../store/session.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import './checklist.css';

interface Place {
  path: string;
  where: MessageKey;
  /** A tab of the board, opened without reloading; the sandbox is the server's own page. */
  app: boolean;
  /** The step's words when they are not `checklist.step.<id>`. */
  label?: MessageKey;
}

// Where each step is taken.
const places: Record<ChecklistStep, Place> = {
  cities: { path: '/settings#cities', where: 'checklist.where.settings', app: true },
  kinds: { path: '/settings#kinds', where: 'checklist.where.settings', app: true },
  prices: { path: '/prices', where: 'checklist.where.prices', app: true },
  managers: { path: '/settings#managers', where: 'checklist.where.managers', app: true },
  bot: { path: '/settings#bot', where: 'checklist.where.bot', app: true },
  testOrder: { path: '/sandbox', where: 'checklist.where.sandbox', app: false },
};
// Without the sandbox the test order is dispatched from the board to the owner himself as a master of his bot.
const testOrderInOwnBot: Place = { path: '/orders', where: 'checklist.where.ownBot', app: true, label: 'checklist.step.testOrderOwnBot' };

// The pushes after which a step may have flipped.
const STEP_EVENTS = /^(cities|kinds|prices|users|bot)\.|^orders\.accepted$/;

/** Первые шаги on the board, until every step is done or the owner hides it. */
export function Checklist() {
  const { t } = useI18n();
  const owner = useRole() === 'owner';
  const { data, reload } = useLive('settings', onboardingApi.checklist, STEP_EVENTS, []);
  const checklist = data?.checklist;
  if (!checklist || checklist.hidden || checklist.steps.every((step) => step.done)) return null;
  const done = checklist.steps.filter((step) => step.done).length;
  const hide = (event: Event) => {
    event.preventDefault(); // a button in the summary would fold the list too
    void attempt(() => onboardingApi.hideChecklist()).then(reload);
  };
  return (
    <details class="checklist" open data-testid="checklist">
      <summary class="checklist-head">
        <strong>{t('checklist.title')}</strong>
        <span class="muted">{t('checklist.progress', { done, total: checklist.steps.length })}</span>
        {owner && (
          <button type="button" class="button button--ghost checklist-hide" onClick={hide}>
            {t('checklist.hide')}
          </button>
        )}
      </summary>
      <ol class="checklist-steps">
        {checklist.steps.map((step) => {
          const place = step.id === 'testOrder' && !checklist.sandbox ? testOrderInOwnBot : places[step.id];
          return (
            <li key={step.id} class={step.done ? 'is-done' : ''} data-step={step.id} data-done={step.done}>
              <span class="checklist-mark" aria-label={step.done ? t('checklist.done') : undefined}>
                {step.done ? '✓' : ''}
              </span>
              <a
                href={place.path}
                onClick={(event) => {
                  if (!place.app) return;
                  event.preventDefault();
                  navigate(place.path);
                }}
              >
                {t(place.label ?? `checklist.step.${step.id}`)}
              </a>
              <span class="muted checklist-where">{t(place.where)}</span>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
