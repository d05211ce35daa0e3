import type { MasterDetailDTO } from '../../shared/crmTypes.ts';
import type { UserDTO } from '../../shared/types.ts';

/** The master's card for a staff member: the passport a master gave in the bot is for owners' eyes only. */
export function presentMaster(master: MasterDetailDTO, viewer: UserDTO): MasterDetailDTO {
  return viewer.role === 'owner' ? master : { ...master, passport: null };
}
