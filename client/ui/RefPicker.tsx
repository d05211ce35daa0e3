import type { RefDTO } from '../../shared/types.ts';

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
