import { navigate } from '../shell/router.ts';
import './viewSwitch.css';

export interface ViewOption {
  path: string;
  current: boolean;
  label: string;
  testId: string;
}

/** A tab's views side by side («Доска | Архив», «Компания | Уведомления | Исходящие»), each a link in the address. */
export function ViewSwitch({ label, options }: { label: string; options: ViewOption[] }) {
  return (
    <nav class="view-switch" aria-label={label}>
      {options.map((option) => (
        <a
          key={option.testId}
          href={option.path}
          class={`view-switch-option${option.current ? ' is-current' : ''}`}
          aria-current={option.current ? 'page' : undefined}
          data-testid={option.testId}
          onClick={(event) => {
            event.preventDefault();
            navigate(option.path);
          }}
        >
          {option.label}
        </a>
      ))}
    </nav>
  );
}
