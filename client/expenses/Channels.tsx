import { useState } from 'preact/hooks';
import type { ChannelType } from '../../shared/types.ts';
import { crm } from '../crm/api.ts';
import { useLive } from '../crm/live.ts';
import { SecretOnce } from '../crm/SecretOnce.tsx';
import { attempt, Loaded, useRole } from '../crm/ui.tsx';
import { useI18n } from '../i18n/index.ts';

const types: ChannelType[] = ['website', 'avito', 'yandex', 'phone', 'other'];

/** Sales channels (the owner's to add, rename and key); a website channel's API key is shown once, when made or rotated. */
export function Channels() {
  const { t } = useI18n();
  const role = useRole();
  const list = useLive(() => crm.channels().then((r) => r.channels), /^channels\./, []);
  const [name, setName] = useState('');
  const [type, setType] = useState<ChannelType>('website');
  const [shownKey, setShownKey] = useState<{ name: string; key: string } | null>(null);
  const owner = role === 'owner';

  const create = async () => {
    const answer = await attempt(() => crm.createChannel(name.trim(), type));
    if (!answer) return;
    setName('');
    if (answer.apiKey) setShownKey({ name: answer.channel.name, key: answer.apiKey });
  };
  const rename = (id: number, current: string) => {
    const next = prompt(t('settings.renamePrompt'), current)?.trim();
    if (next && next !== current) void attempt(() => crm.updateChannel(id, { name: next }));
  };
  const rotate = async (id: number, channelName: string) => {
    if (!confirm(t('channels.rotateConfirm', { name: channelName }))) return;
    const answer = await attempt(() => crm.rotateKey(id));
    if (answer) setShownKey({ name: channelName, key: answer.apiKey });
  };

  return (
    <aside class="crm-panel crm-panel--channels" data-testid="channels">
      <h2 class="crm-subtitle">{t('channels.title')}</h2>
      <Loaded error={list.error} ready={list.data !== undefined}>
        <ul class="crm-list">
          {list.data?.map((c) => (
            <li key={c.id} data-channel={c.id}>
              <span>
                <strong>{c.name}</strong> <span class="chip">{t(`channels.type.${c.type}`)}</span>
              </span>
              {owner && (
                <span class="row-actions">
                  {c.type === 'website' && (
                    <button type="button" class="button button--ghost" onClick={() => void rotate(c.id, c.name)}>
                      {c.hasApiKey ? t('channels.rotate') : t('channels.makeKey')}
                    </button>
                  )}
                  <button type="button" class="icon-button" aria-label={t('crm.edit')} title={t('crm.edit')} data-testid="rename-channel" onClick={() => rename(c.id, c.name)}>
                    ✎
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      </Loaded>
      {owner && (
        <form
          class="crm-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <input name="channelName" placeholder={t('channels.name')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <select name="channelType" value={type} onChange={(e) => setType(e.currentTarget.value as ChannelType)}>
            {types.map((value) => (
              <option key={value} value={value}>
                {t(`channels.type.${value}`)}
              </option>
            ))}
          </select>
          <button type="submit" class="button button--primary" disabled={!name.trim()}>
            {t('channels.add')}
          </button>
        </form>
      )}
      {shownKey && (
        <SecretOnce
          title={t('channels.keyTitle', { name: shownKey.name })}
          note={t('channels.keyOnce')}
          secret={shownKey.key}
          testid="api-key"
          onClose={() => setShownKey(null)}
        />
      )}
    </aside>
  );
}
