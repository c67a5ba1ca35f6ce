import { configureRequest } from '../../src/services/request';
import { clearSession } from '../../src/services/token-storage';
import { startFixtureServer } from './fixture-server';
import { navigations } from './taro-h5';

import type { FixtureServer, Handler } from './fixture-server';

/**
 * For page tests that give each test its own routes: returns `serve(routes)`, which starts a fixture server and
 * points the request layer at it. After each test the server is closed and the stored session and recorded
 * navigations are cleared.
 */
export function servePerTest(): (routes: Record<string, Handler>) => Promise<FixtureServer> {
  let server: FixtureServer | undefined;

  afterEach(async () => {
    clearSession();
    navigations.length = 0;
    await server?.close();
    server = undefined;
  });

  return async (routes) => {
    server = await startFixtureServer(routes);
    configureRequest({ baseUrl: server.baseUrl });
    return server;
  };
}
