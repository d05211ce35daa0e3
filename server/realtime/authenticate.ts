import type { Socket } from 'socket.io';
import type { Config } from '../../db/config.ts';
import { findSessionUser, sessionId } from '../../db/staff/sessions.ts';
import { SESSION_COOKIE } from '../middlewares/auth.ts';
import { isOwnOrigin } from '../middlewares/sameOrigin.ts';
import type { AppDeps } from '../state.ts';

/**
 * A handshake from another site's page is refused, as HTTP writes are: the browser would send the
 * session cookie with it (cross-site WebSocket hijacking). Without Origin it is not a browser's.
 */
export function fromOwnOrigin(socket: { handshake: Socket['handshake'] }, config: Pick<Config, 'PUBLIC_URL'>): boolean {
  const { origin, host } = socket.handshake.headers;
  return !origin || isOwnOrigin(origin, { host: host ?? '', secure: socket.handshake.secure }, config.PUBLIC_URL);
}

/** The same session cookie as HTTP: no cookie, no socket; and only from the board's own pages. */
export function authenticateSocket(deps: AppDeps) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    if (!fromOwnOrigin(socket, deps.config)) return next(new Error('forbidden'));
    const token = readCookie(socket.request.headers.cookie ?? '', SESSION_COOKIE);
    const user = token ? await findSessionUser(deps.db, token).catch(() => null) : null;
    if (!user) return next(new Error('unauthorized'));
    socket.data.user = user;
    socket.data.sessionId = sessionId(token!);
    next();
  };
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
