import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { attachRealtime } from './realtime/index.ts';
import type { AppDeps } from './state.ts';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** The web process's body: HTTP API, Socket.IO and the built client on one port. */
export async function startWeb(deps: AppDeps, port = deps.config.PORT, host = deps.config.HOST): Promise<WebServer> {
  const appDeps: AppDeps = { ...deps };
  const { app, close: closeApp } = createApp(appDeps);
  const httpServer = createServer(app.callback());
  const realtime = await attachRealtime(httpServer, deps);
  appDeps.sessions = realtime.sessions;
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    close: async () => {
      await realtime.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await closeApp();
    },
  };
}
