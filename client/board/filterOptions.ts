import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ManagerDTO } from '../../shared/crmTypes.ts';
import type { RefDTO } from '../../shared/types.ts';
import { request } from '../api/http.ts';
import { boardStore } from '../store/board.ts';
import { useStore } from '../store/useStore.ts';

const byName = (a: RefDTO, b: RefDTO) => a.name.localeCompare(b.name, 'ru');

/** The masters who have an order on the board, by name: the only ones a board filter can find. */
export function useBoardMasters(): RefDTO[] {
  const orders = useStore(boardStore, (s) => s.orders);
  return useMemo(() => {
    const masters = new Map<number, string>();
    for (const order of orders.values()) if (order.master) masters.set(order.master.id, order.master.name);
    return [...masters].map(([id, name]) => ({ id, name })).sort(byName);
  }, [orders]);
}

/** The staff who create orders (viewers create none), read once per board. */
export function useOrderCreators(): RefDTO[] {
  const [staff, setStaff] = useState<RefDTO[]>([]);
  useEffect(() => {
    let live = true;
    request<{ managers: ManagerDTO[] }>('GET', '/api/managers')
      .then(({ managers }) => live && setStaff(managers.filter((m) => m.role !== 'viewer').map((m) => ({ id: m.id, name: m.name })).sort(byName)))
      .catch(() => undefined); // without the list the filter offers nobody; the board works on
    return () => {
      live = false;
    };
  }, []);
  return staff;
}
