import { forgetSubscribeTemplates } from '../../src/hooks/useSubscribeAsk';
import { forgetCatalogue } from '../../src/services/catalogue';
import { configureRequest } from '../../src/services/request';
import { rememberElderModeChoice } from '../../src/storage/elder-mode';
import { clearSession } from '../../src/storage/token-storage';
import { startFixtureServer } from './fixture-server';
import { fontSizeStub, imageStub, locationStub, mapStub, navigations, phoneStub, routeParams, subscribeStub } from './taro-h5';

import type { FixtureServer, Handler } from './fixture-server';

/**
 * For page tests that give each test its own routes: returns `serve(routes)`, which starts a fixture server and
 * points the request layer at it. After each test the server is closed and the stored session, the elder-mode
 * choice, the cached catalogue and subscribe templates, the recorded navigations and the page query are cleared.
 */
export function servePerTest(): (routes: Record<string, Handler>) => Promise<FixtureServer> {
  let server: FixtureServer | undefined;

  afterEach(async () => {
    clearSession();
    rememberElderModeChoice(null);
    delete fontSizeStub.setting;
    forgetCatalogue();
    navigations.length = 0;
    locationStub.answer = 'refused';
    locationStub.browser = false;
    locationStub.calls.length = 0;
    mapStub.chosen = 'cancelled';
    mapStub.opened.length = 0;
    imageStub.chosen = 'cancelled';
    imageStub.calls.length = 0;
    imageStub.previewed.length = 0;
    phoneStub.dialled.length = 0;
    forgetSubscribeTemplates();
    subscribeStub.answers = {};
    subscribeStub.fail = false;
    subscribeStub.calls.length = 0;
    for (const key of Object.keys(routeParams)) delete routeParams[key];
    await server?.close();
    server = undefined;
  });

  return async (routes) => {
    // A test that serves again (after a beforeEach did) replaces the earlier server: close it, or its listening
    // socket keeps Jest from exiting after the run.
    await server?.close();
    server = await startFixtureServer(routes);
    configureRequest({ baseUrl: server.baseUrl });
    return server;
  };
}
