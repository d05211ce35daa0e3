import { useState } from 'preact/hooks';
import type { CustomerCardDTO, CustomerDateDTO } from '../../shared/customers.ts';
import { customersApi } from '../api/customers.ts';
import { useI18n, type Locale } from '../i18n/index.ts';
import { attempt } from '../ui/attempt.ts';

type DateBody = Omit<CustomerDateDTO, 'id'>;

const monthNames = (locale: Locale): string[] =>
  Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1)));

/** "12 марта 1985" or "12 марта": the day in the genitive, as a date is said. */
function dateText(date: DateBody, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC', ...(date.year ? { year: 'numeric' } : {}) });
  return format.format(Date.UTC(date.year ?? 2000, date.month - 1, date.day)).replace(/\s*г\.$/, '');
}

/** The customer's named dates (a birthday, an anniversary, «День рождения мамы»): added and removed here. */
export function CustomerDates({ customer, canWrite, onSaved }: { customer: CustomerCardDTO; canWrite: boolean; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [title, setTitle] = useState('');
  const [day, setDay] = useState('');
  const [month, setMonth] = useState('1');
  const [year, setYear] = useState('');
  const dates: DateBody[] = customer.dates.map(({ title, month, day, year }) => ({ title, month, day, year }));
  const save = (next: DateBody[]) => attempt(() => customersApi.update(customer.id, { dates: next }), t('crm.saved')).then((ok) => ok && onSaved());
  const add = () => save([...dates, { title: title.trim(), day: Number(day), month: Number(month), year: year ? Number(year) : null }]);

  return (
    <section class="crm-block" data-testid="customer-dates">
      <h3 class="section-title">{t('customers.dates')}</h3>
      {dates.length === 0 && <p class="muted small">{t('customers.noDates')}</p>}
      <ul class="crm-list">
        {dates.map((date, i) => (
          <li key={`${date.title}|${date.month}|${date.day}`}>
            <span>{date.title}</span>
            <span class="muted">{dateText(date, i18n.locale)}</span>
            {canWrite && (
              <button type="button" class="icon-button" aria-label={t('customers.removeDate', { title: date.title })} onClick={() => void save(dates.filter((_, j) => j !== i))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form
          class="crm-inline-form customer-date-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <input name="dateTitle" required placeholder={t('customers.dateTitle')} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          <input name="dateDay" required inputMode="numeric" placeholder={t('customers.dateDay')} value={day} onInput={(e) => setDay(e.currentTarget.value)} />
          <select name="dateMonth" value={month} aria-label={t('customers.dateMonth')} onChange={(e) => setMonth(e.currentTarget.value)}>
            {monthNames(i18n.locale).map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </select>
          <input name="dateYear" inputMode="numeric" placeholder={t('customers.dateYear')} value={year} onInput={(e) => setYear(e.currentTarget.value)} />
          <button type="submit" class="button" disabled={!title.trim() || !day}>
            {t('customers.addDate')}
          </button>
        </form>
      )}
    </section>
  );
}
