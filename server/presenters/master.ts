import type { MasterActivity, MasterDetailDTO, MasterDTO, MasterListItemDTO } from '../../shared/crmTypes.ts';
import type { UserDTO } from '../../shared/types.ts';

// A master as staff see him, field by field: a new column of masters (the bot keeps adding some)
// stays out of answers and pushes until it is named here.

/** The master in a live push or a replay. */
export function presentMaster(master: MasterDTO): MasterDTO {
  return {
    id: master.id,
    name: master.name,
    phone: master.phone,
    status: master.status,
    blockReason: master.blockReason,
    onShift: master.onShift,
    rating: master.rating,
    source: master.source,
    telegramLinked: master.telegramLinked,
    botBlocked: master.botBlocked,
    contacts: master.contacts, // the messengers he gave, free-form by design
    language: master.language,
    cityIds: master.cityIds,
    kindIds: master.kindIds,
    lastSeenAt: master.lastSeenAt,
    createdAt: master.createdAt,
  };
}

/** A row of the masters' list: the master and what he has done. */
export function presentMasterListItem(item: MasterListItemDTO): MasterListItemDTO {
  return { ...presentMaster(item), activity: presentActivity(item.activity) };
}

/** The master's card: the passport a master gave in the bot is for owners' eyes only. */
export function presentMasterDetail(master: MasterDetailDTO, viewer: UserDTO): MasterDetailDTO {
  return { ...presentMasterListItem(master), passport: viewer.role === 'owner' ? master.passport : null };
}

function presentActivity(activity: MasterActivity): MasterActivity {
  const { taken, done, paid, cancelled, debt, overDebtLimit } = activity;
  return { taken, done, paid, cancelled, debt, overDebtLimit };
}
