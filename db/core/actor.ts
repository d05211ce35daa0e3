import type { ActorRole } from '../../shared/statuses.ts';
import type { Actor as EventActor } from '../../shared/events.ts';
import type { UserRole } from '../../shared/types.ts';
import { DomainError } from './errors.ts';

/** Who runs an op, in which tenant, acting as which role of the transition matrix. */
export interface Actor extends EventActor {
  tenantId: number;
  role: ActorRole;
  /** Viewers read the board but change nothing. */
  readOnly: boolean;
}

export const userActor = (user: { id: number; tenantId: number; role: UserRole }): Actor => ({
  tenantId: user.tenantId,
  type: 'user',
  id: user.id,
  role: 'manager',
  readOnly: user.role === 'viewer',
});

export const masterActor = (master: { id: number; tenantId: number }): Actor => ({
  tenantId: master.tenantId,
  type: 'master',
  id: master.id,
  role: 'master',
  readOnly: false,
});

export const systemActor = (tenantId: number): Actor => ({ tenantId, type: 'system', id: null, role: 'system', readOnly: false });

export const channelActor = (channel: { id: number; tenantId: number }): Actor => ({
  tenantId: channel.tenantId,
  type: 'channel',
  id: channel.id,
  role: 'system',
  readOnly: false,
});

export function assertCanWrite(actor: Actor): void {
  if (actor.readOnly) throw new DomainError('forbidden', 'auth.viewOnly');
}

export function assertRole(actor: Actor, ...roles: ActorRole[]): void {
  assertCanWrite(actor);
  if (!roles.includes(actor.role)) throw new DomainError('forbidden', { key: 'auth.notForRole', params: { role: actor.role } });
}
