import test from 'ava';
import { afterQuietHours } from '../../../db/notifications/quietHours.ts';

const night = { from: '21:00', to: '09:00' };
const moscow = (local: string) => new Date(`${local}+03:00`);

test('quiet hours across midnight hold an evening SMS until the next morning and a night one until this morning, on the company clock', (t) => {
  t.deepEqual(afterQuietHours(moscow('2026-12-01T22:30:00'), 'Europe/Moscow', night), moscow('2026-12-02T09:00:00'));
  t.deepEqual(afterQuietHours(moscow('2026-12-02T03:10:00'), 'Europe/Moscow', night), moscow('2026-12-02T09:00:00'));
  t.deepEqual(afterQuietHours(moscow('2026-12-02T21:00:00'), 'Europe/Moscow', night), moscow('2026-12-03T09:00:00'), 'from is quiet');
  const day = moscow('2026-12-02T09:00:00');
  t.is(afterQuietHours(day, 'Europe/Moscow', night), day, 'to is not');
  const noon = moscow('2026-12-02T12:00:00');
  t.is(afterQuietHours(noon, 'Europe/Moscow', night), noon);
});

test("the company's zone decides, not the server's: 22:00 in Vladivostok is noon in Moscow", (t) => {
  const at = new Date('2026-12-02T12:00:00Z'); // 22:00 in Vladivostok (UTC+10)
  t.deepEqual(afterQuietHours(at, 'Asia/Vladivostok', night), new Date('2026-12-02T23:00:00Z'), '09:00 there');
  t.is(afterQuietHours(at, 'Europe/Moscow', night), at);
});

test('hours within one day (13:00–14:00) and none at all (from = to)', (t) => {
  t.deepEqual(afterQuietHours(moscow('2026-12-02T13:20:00'), 'Europe/Moscow', { from: '13:00', to: '14:00' }), moscow('2026-12-02T14:00:00'));
  const at = moscow('2026-12-02T23:00:00');
  t.is(afterQuietHours(at, 'Europe/Moscow', { from: '00:00', to: '00:00' }), at);
});
