import type { RefDTO } from '../../shared/types.ts';

/** A row of checkable chips: which of the company's cities (or kinds of work) are chosen. */
export function IdChecks({ name, items, value, onChange, disabled }: { name: string; items: readonly RefDTO[]; value: number[]; onChange: (ids: number[]) => void; disabled?: boolean }) {
  return (
    <div class="id-checks" role="group" data-name={name}>
      {items.map((item) => {
        const on = value.includes(item.id);
        return (
          <label key={item.id} class={`id-check${on ? ' is-on' : ''}`}>
            <input type="checkbox" name={name} value={item.id} checked={on} disabled={disabled} onChange={() => onChange(on ? value.filter((id) => id !== item.id) : [...value, item.id].sort((a, b) => a - b))} />
            {item.name}
          </label>
        );
      })}
    </div>
  );
}
