import type { LiveSessions } from '../state.ts';
import { sessionRoom, userRoom, type NaryadServer } from './rooms.ts';

/**
 * Sockets outlive the HTTP request that ended their session: logging out, a deactivated manager or a
 * reset password cuts them at once, on every web process (the adapter carries disconnectSockets).
 */
export function liveSessions(io: NaryadServer): LiveSessions {
  return {
    end(scope) {
      io.in('sessionId' in scope ? sessionRoom(scope.sessionId) : userRoom(scope.userId)).disconnectSockets(true);
    },
  };
}
