import { readMaster } from '../../../db/masters/masterList.ts';
import type { MasterDetailDTO } from '../../../shared/crmTypes.ts';
import type { UserDTO } from '../../../shared/types.ts';
import { presentMasterDetail } from '../../presenters/master.ts';
import type { AppDeps } from '../../state.ts';

/** The master's card as this staff member may see it (see presentMasterDetail). */
export async function readMasterFor(db: AppDeps['db'], viewer: UserDTO, masterId: number): Promise<MasterDetailDTO> {
  return presentMasterDetail(await readMaster(db, viewer.tenantId, masterId), viewer);
}
