import { useState } from 'preact/hooks';
import { wallsApi } from '../api/walls.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { attempt } from '../ui/attempt.ts';
import { Modal } from '../ui/Modal.tsx';
import { Loaded } from '../ui/Page.tsx';

/** Read-only wall-screen links: the address is shown once, when made; revoking closes open screens. */
export function WallLinks({ owner }: { owner: boolean }) {
  const { t, dateTime } = useI18n();
  const live = useLive('settings', () => (owner ? wallsApi.list().then((r) => r.walls) : Promise.resolve([])), /^walls\./, [owner]);
  const [name, setName] = useState('');
  const [made, setMade] = useState<string | null>(null);
  if (!owner) return null;
  const create = async () => {
    const answer = await attempt(() => wallsApi.create(name.trim() || t('settings.wallDefault')));
    if (!answer) return;
    setName('');
    setMade(`${location.origin}${answer.path}`);
  };
  return (
    <section class="crm-card" data-testid="wall-links">
      <h2 class="crm-subtitle">{t('settings.walls')}</h2>
      <p class="muted small">{t('settings.wallsHint')}</p>
      <Loaded error={live.error} ready={live.data !== undefined}>
        <ul class="crm-list">
          {live.data?.map((wall) => (
            <li key={wall.id} data-wall={wall.id}>
              <span>
                <strong>{wall.name}</strong>{' '}
                <span class="muted small">{wall.lastUsedAt ? t('settings.wallUsed', { when: dateTime(wall.lastUsedAt) }) : t('settings.wallNeverUsed')}</span>
              </span>
              <button type="button" class="button button--danger-ghost" onClick={() => confirm(t('settings.revokeConfirm', { name: wall.name })) && void attempt(() => wallsApi.revoke(wall.id))}>
                {t('settings.revoke')}
              </button>
            </li>
          ))}
          {live.data?.length === 0 && <li class="muted">{t('settings.noWalls')}</li>}
        </ul>
      </Loaded>
      <form
        class="crm-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input name="wallName" placeholder={t('settings.wallDefault')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" class="button button--primary" data-testid="make-wall">
          {t('settings.makeWall')}
        </button>
      </form>
      {made && (
        <Modal title={t('settings.wallMade')} onClose={() => setMade(null)}>
          <p>{t('settings.wallOnce')}</p>
          <input class="secret" readOnly value={made} data-testid="wall-url" onFocus={(e) => e.currentTarget.select()} />
          <div class="modal-actions">
            <a class="button" href={made} target="_blank" rel="noopener">
              {t('settings.openWall')}
            </a>
            <button type="button" class="button button--primary" onClick={() => setMade(null)}>
              {t('crm.done')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
