import { Model } from 'objection';
import type { UserRole } from '../../shared/types.ts';

export class User extends Model {
  static override tableName = 'users';
  declare id: number;
  declare tenant_id: number;
  declare email: string;
  declare password_hash: string;
  /** Handed out by the owner (invitation, reset): to be replaced at the first login. */
  declare password_temporary: boolean;
  declare name: string;
  declare role: UserRole;
  declare active: boolean;
  declare created_at: Date;
}
