import test from 'ava';
import { formatVisit } from '../../shared/visitTime.ts';

test('the visit is told on the company’s clock with its arrival window', (t) => {
  t.is(formatVisit('2026-12-05T07:00:00Z', 'Europe/Moscow', 120), '5 декабря, 10:00–12:00');
  t.is(formatVisit('2026-12-05T07:00:00Z', 'Asia/Yekaterinburg', 90), '5 декабря, 12:00–13:30');
  t.is(formatVisit('2026-12-05T07:00:00Z', 'Europe/Moscow', 120, 'en'), '5 December, 10:00–12:00');
});

test('no window: the time alone; no planned time: nothing', (t) => {
  t.is(formatVisit('2026-12-31T19:30:00Z', 'Europe/Moscow', 0), '31 декабря, 22:30');
  t.is(formatVisit(null, 'Europe/Moscow', 120), '');
});
