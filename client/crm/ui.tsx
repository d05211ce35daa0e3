import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/http.ts';
import { t as translate } from '../i18n/index.ts';
import type { UserRole } from '../../shared/types.ts';
import { sessionStore } from '../store/session.ts';
import { toast } from '../store/ui.ts';
import { useStore } from '../store/useStore.ts';
import type { RefDTO } from '../../shared/types.ts';

export function useRole(): UserRole {
  return useStore(sessionStore, (s) => s.me?.user.role ?? 'viewer');
}

/** A failed call as a sentence: the server's message, or "no connection". */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.status === 0 ? translate('error.network') : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Runs a change; a failure becomes an error toast. Resolves to the answer or undefined. */
export async function attempt<T>(run: () => Promise<T>, done?: string): Promise<T | undefined> {
  try {
    const result = await run();
    if (done) toast(done);
    return result;
  } catch (error) {
    toast(translate('error.generic', { message: errorText(error) }), 'error');
    return undefined;
  }
}

/** "1 500,50" or "1500.5 ₽" → kopecks; null when it is not a sum. */
export function parseRoubles(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0₽]/g, '').replace(',', '.');
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export const roublesText = (kopecks: number): string => (kopecks % 100 === 0 ? String(kopecks / 100) : (kopecks / 100).toFixed(2).replace('.', ','));

interface RefPickerProps {
  name: string;
  items: readonly RefDTO[];
  value: number | null;
  onChange: (id: number | null) => void;
  /** The option for no choice: "all" in a filter, "—" in a form. */
  emptyLabel?: string;
}

export function RefPicker(props: RefPickerProps) {
  return (
    <select name={props.name} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
      {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
      {props.items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </select>
  );
}

export function RefSelect({ label, ...picker }: RefPickerProps & { label: string }) {
  return (
    <label class="filter">
      <span class="filter-label">{label}</span>
      <RefPicker {...picker} />
    </label>
  );
}

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
