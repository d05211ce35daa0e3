import { useRef } from 'preact/hooks';
import { TEMPLATE_VARIABLES, type NotificationTemplateDTO } from '../../shared/notifications.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { TemplatePreview } from './TemplatePreview.tsx';

/** One template: its subject (e-mail), its text with the variables to put in, and the live preview beside. */
export function TemplateEditor({ template, title, statusName, owner, onChange }: { template: NotificationTemplateDTO; title: string; statusName: string; owner: boolean; onChange: (change: Partial<NotificationTemplateDTO>) => void }) {
  const { t } = useI18n();
  const body = useRef<HTMLTextAreaElement>(null);
  // A variable goes where the cursor stands in the text (at its end when the text has no focus yet).
  const insert = (name: string) => {
    const area = body.current;
    const at = area?.selectionStart ?? template.body.length;
    const end = area?.selectionEnd ?? at;
    const token = `{{${name}}}`;
    onChange({ body: template.body.slice(0, at) + token + template.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  return (
    <section class="crm-card template-editor" data-testid="template-editor" data-key={`${template.status}:${template.channel}`}>
      <h2 class="crm-subtitle">{title}</h2>
      <label class="field field--check">
        <input type="checkbox" name="templateEnabled" checked={template.enabled} disabled={!owner} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
        <span>{t('notifications.enabledHint')}</span>
      </label>
      {template.channel === 'email' && (
        <label class="field">
          <span class="field-label">{t('notifications.subject')}</span>
          <input name="subject" value={template.subject} maxLength={200} disabled={!owner} onInput={(e) => onChange({ subject: e.currentTarget.value })} />
        </label>
      )}
      <label class="field">
        <span class="field-label">{t('notifications.body')}</span>
        <textarea ref={body} name="body" rows={template.channel === 'email' ? 7 : 4} maxLength={2000} value={template.body} disabled={!owner} onInput={(e) => onChange({ body: e.currentTarget.value })} />
      </label>
      {owner && (
        <div class="template-variables" aria-label={t('notifications.variables')}>
          {TEMPLATE_VARIABLES.map((name) => (
            <button key={name} type="button" class="template-variable" title={t(`notifications.var.${name}` as MessageKey)} onClick={() => insert(name)}>
              {`{{${name}}}`} <span class="muted">{t(`notifications.var.${name}` as MessageKey)}</span>
            </button>
          ))}
        </div>
      )}
      <TemplatePreview template={template} statusName={statusName} />
    </section>
  );
}
