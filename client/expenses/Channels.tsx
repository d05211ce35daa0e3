import { useState } from 'preact/hooks';
import type { CreateChannelInput } from '../../shared/schemas/channel.ts';
import { channelsApi } from '../api/channels.ts';
import { useI18n } from '../i18n/index.ts';
import { useLive } from '../store/live.ts';
import { useRole } from '../store/session.ts';
import { attempt } from '../ui/attempt.ts';
import { Loaded } from '../ui/Page.tsx';
import { SecretOnce } from '../ui/SecretOnce.tsx';

// The form's channel is made by the form itself, never here.
type ChannelType = CreateChannelInput['type'];
const types: ChannelType[] = ['website', 'avito', 'yandex', 'phone', 'other'];

/** Sales channels (the owner's to add, rename and key); a website channel's API key is shown once, when made or rotated. */
export function Channels() {
  const { t } = useI18n();
  const role = useRole();
  const list = useLive('money', () => channelsApi.list().then((r) => r.channels), /^channels\./, []);
  const [name, setName] = useState('');
  const [type, setType] = useState<ChannelType>('website');
  const [shownKey, setShownKey] = useState<{ name: string; key: string } | null>(null);
  const owner = role === 'owner';

  const create = async () => {
    const answer = await attempt(() => channelsApi.create({ name: name.trim(), type }));
    if (!answer) return;
    setName('');
    if (answer.apiKey) setShownKey({ name: answer.channel.name, key: answer.apiKey });
  };
  const rename = (id: number, current: string) => {
    const next = prompt(t('settings.renamePrompt'), current)?.trim();
    if (next && next !== current) void attempt(() => channelsApi.update(id, { name: next }));
  };
  const rotate = async (id: number, channelName: string) => {
    if (!confirm(t('channels.rotateConfirm', { name: channelName }))) return;
    const answer = await attempt(() => channelsApi.rotateKey(id));
    if (answer) setShownKey({ name: channelName, key: answer.apiKey });
  };

  return (
    <aside class="crm-panel crm-panel--channels" data-testid="channels">
      <h2 class="crm-subtitle">{t('channels.title')}</h2>
      <Loaded error={list.error} ready={list.data !== undefined}>
        <ul class="crm-list">
          {list.data?.map((c) => (
            <li key={c.id} data-channel={c.id} data-type={c.type}>
              <ChannelName name={c.name} type={t(`channels.type.${c.type}`)} />
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

/** The type beside the name only when it says something more: «Сайт», not «Сайт Сайт». */
function ChannelName({ name, type }: { name: string; type: string }) {
  const same = name.trim().toLocaleLowerCase() === type.toLocaleLowerCase();
  return (
    <span title={type}>
      <strong>{name}</strong>
      {!same && (
        <>
          {' '}
          <span class="chip" data-testid="channel-type">
            {type}
          </span>
        </>
      )}
    </span>
  );
}
