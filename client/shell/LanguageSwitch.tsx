import { setLocale, useI18n, type Locale } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  return (
    <span class="lang" role="group" aria-label={t('shell.language')}>
      {(['ru', 'en'] as Locale[]).map((code) => (
        <button key={code} type="button" class={`lang-option${code === locale ? ' is-active' : ''}`} aria-pressed={code === locale} onClick={() => setLocale(code)}>
          {code.toUpperCase()}
        </button>
      ))}
    </span>
  );
}
