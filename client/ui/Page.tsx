import type { ComponentChildren } from 'preact';
import { t as translate } from '../i18n/index.ts';

/** A tab's title row, with its filters and buttons. */
export function PageHead({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="toolbar crm-toolbar">
      <h1 class="crm-title">{title}</h1>
      {children}
    </div>
  );
}

/** A loading or failed list, or its content. */
export function Loaded({ error, ready, children }: { error: string | null; ready: boolean; children: ComponentChildren }) {
  if (error && !ready) return <p class="page-state form-error">{translate('error.generic', { message: error })}</p>;
  if (!ready) return <p class="page-state muted">{translate('app.loading')}</p>;
  return <>{children}</>;
}
