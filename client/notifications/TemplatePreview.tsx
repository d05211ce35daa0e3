import { renderTemplate, sampleVariables, type NotificationTemplateDTO } from '../../shared/notifications.ts';
import { useI18n } from '../i18n/index.ts';

// An SMS in Cyrillic holds 70 characters, each part of a longer one 67 (UCS-2); in Latin 160 and 153.
function smsParts(text: string): number {
  const unicode = /[^\x00-\x7f]/.test(text);
  const single = unicode ? 70 : 160;
  return text.length <= single ? 1 : Math.ceil(text.length / (unicode ? 67 : 153));
}

/** The template as the customer would read it, with sample values, rendered by the very code the sender uses. */
export function TemplatePreview({ template, statusName }: { template: NotificationTemplateDTO; statusName: string }) {
  const { t } = useI18n();
  const values = { ...sampleVariables('ru'), status: statusName };
  const body = renderTemplate(template.body, values);
  return (
    <div class={`template-preview template-preview--${template.channel}`} data-testid="template-preview">
      <span class="field-label">{t('notifications.preview')}</span>
      {template.channel === 'email' && <div class="template-preview-subject" data-testid="preview-subject">{renderTemplate(template.subject, values)}</div>}
      <div class="template-preview-body" data-testid="preview-body">
        {body}
      </div>
      {template.channel === 'sms' && <span class="muted small">{t('notifications.smsLength', { chars: body.length, parts: smsParts(body) })}</span>}
    </div>
  );
}
