import type { Viewer } from '../store/presence.ts';
import { useI18n } from '../i18n/index.ts';

const palette = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f'];

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '')).toUpperCase();
}

/** Who else has this order open: a circle per manager, outlined and marked ✎ while they edit. */
export function Avatars({ viewers, size = 'small' }: { viewers: Viewer[]; size?: 'small' | 'large' }) {
  const { t } = useI18n();
  if (viewers.length === 0) return null;
  const editing = viewers.filter((v) => v.mode === 'edit').map((v) => v.name);
  const viewing = viewers.filter((v) => v.mode === 'view').map((v) => v.name);
  const label = [editing.length ? t('card.editing', { names: editing.join(', ') }) : '', viewing.length ? t('card.viewing', { names: viewing.join(', ') }) : '']
    .filter(Boolean)
    .join('; ');
  return (
    <span class={`avatars avatars--${size}`} title={label} aria-label={label} data-testid="presence">
      {viewers.slice(0, 4).map((viewer) => (
        <span
          key={viewer.userId}
          class={`avatar${viewer.mode === 'edit' ? ' avatar--edit' : ''}`}
          style={{ background: palette[viewer.userId % palette.length] }}
          data-user={viewer.name}
          data-mode={viewer.mode}
        >
          {initials(viewer.name)}
          {viewer.mode === 'edit' && <span class="avatar-pen" aria-hidden="true">✎</span>}
        </span>
      ))}
      {viewers.length > 4 && <span class="avatar avatar--more">+{viewers.length - 4}</span>}
      {size === 'large' && <span class="avatars-names">{label}</span>}
    </span>
  );
}
