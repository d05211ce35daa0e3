import test from 'ava';
import { ratingNews } from '../../../bot/format/rating.ts';
import { textsFor } from '../../../bot/locales/index.ts';

test('the rating words follow the number: rose, fell, stayed, in both languages', (t) => {
  const ru = textsFor('ru');
  const en = textsFor('en');
  t.is(ratingNews(ru, 10, 15), 'Ваш рейтинг вырос с 10 до 15 — новые заказы будут приходить вам раньше.');
  t.is(ratingNews(ru, 97, 30), 'Ваш рейтинг снизился с 97 до 30 — новые заказы будут приходить вам позже.');
  t.is(ratingNews(ru, 25, 25), 'Ваш рейтинг не изменился: 25.');
  t.is(ratingNews(ru, -5, 0), 'Ваш рейтинг вырос с -5 до 0 — новые заказы будут приходить вам раньше.');
  t.is(ratingNews(en, 97, 30), 'Your rating went down from 97 to 30: new orders will reach you later.');
  t.is(ratingNews(en, 10, 15), 'Your rating went up from 10 to 15: new orders will reach you earlier.');
  t.is(ratingNews(en, 25, 25), 'Your rating stays at 25.');
});
