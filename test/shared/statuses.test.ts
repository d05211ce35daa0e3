import test from 'ava';
import { moveKind } from '../../shared/statuses.ts';

// moveOrder refuses what the board opens a form for; both read it from moveKind.
test('moveKind: the special targets of a manager move, with and without a master on the order', (t) => {
  const cases: [to: string, hasMaster: boolean, kind: ReturnType<typeof moveKind>][] = [
    ['cancelled', false, 'cancel'],
    ['cancelled', true, 'cancel'],
    ['paid', true, 'pay'],
    ['accepted', false, 'assign'],
    ['accepted', true, 'status'],
    ['dispatched', false, 'dispatch'],
    ['dispatched', true, 'redispatch'],
    ['confirmed', false, 'status'],
    ['done', true, 'status'],
  ];
  for (const [to, hasMaster, kind] of cases) t.is(moveKind(to, hasMaster), kind, `${to} ${hasMaster}`);
});
