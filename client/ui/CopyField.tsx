import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import './copyField.css';

/**
 * A text to hand on (a link, a key, a snippet): shown read-only beside «Копировать». Without a
 * clipboard (a board opened over plain http) the text is selected for Ctrl+C instead.
 */
export function CopyField({ value, testid, mono = false }: { value: string; testid?: string; mono?: boolean }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      input.current?.select();
    }
  };
  return (
    <div class="copy-field">
      <input ref={input} class={mono ? 'secret' : undefined} readOnly value={value} data-testid={testid} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="button" onClick={() => void copy()}>
        {copied ? t('crm.copied') : t('crm.copy')}
      </button>
    </div>
  );
}
