import type { Socket } from 'socket.io';
import { findSessionUser, sessionId } from '../../db/ops/sessions.ts';
import { SESSION_COOKIE } from '../middlewares/auth.ts';
import type { AppDeps } from '../state.ts';

/** The same session cookie as HTTP: no cookie, no socket. */
export function authenticateSocket(deps: AppDeps) {
  return async (socket: Socket, next: (error?: Error) => void) => {
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
