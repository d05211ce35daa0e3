import test from 'ava';
import { formatMoney, MINUS } from '../../shared/money.ts';

const nbsp = '\u00a0';

test('a negative sum is written with the minus sign U+2212, in Russian and in English', (t) => {
  t.is(formatMoney(-10_919_000), `${MINUS}109${nbsp}190${nbsp}₽`);
  t.is(formatMoney(-104_980), `${MINUS}1${nbsp}049,80${nbsp}₽`);
  t.is(formatMoney(-250_000, 'en'), `${MINUS}₽2,500`);
  t.is(formatMoney(-1), `${MINUS}0,01${nbsp}₽`);
  for (const sum of [-1, -99, -100, -123_456_789]) t.false(formatMoney(sum).includes('-'), formatMoney(sum));
});

test('positive sums and zero carry no sign; kopecks always two digits', (t) => {
  t.is(formatMoney(250_000), `2${nbsp}500${nbsp}₽`);
  t.is(formatMoney(104_980), `1${nbsp}049,80${nbsp}₽`);
  t.is(formatMoney(0), `0${nbsp}₽`);
  t.is(formatMoney(-0), `0${nbsp}₽`);
  t.is(formatMoney(250_000, 'en'), '₽2,500');
});
