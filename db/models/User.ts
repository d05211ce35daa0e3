import { Model } from 'objection';
import type { UserRole } from '../../shared/types.ts';

export class User extends Model {
  static override tableName = 'users';
  declare id: number;
  declare tenant_id: number;
  declare email: string;
  declare password_hash: string;
  declare name: string;
  declare role: UserRole;
  declare active: boolean;
}

export class Session extends Model {
  static override tableName = 'sessions';
  static override idColumn = 'token_hash';
  declare token_hash: string;
  declare user_id: number;
  declare expires_at: Date;
  declare user?: User;

  static override relationMappings = () => ({
    user: { relation: Model.BelongsToOneRelation, modelClass: User, join: { from: 'sessions.user_id', to: 'users.id' } },
  });
}
