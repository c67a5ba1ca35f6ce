import { CURRENT_PRIVACY_POLICY_VERSION } from '@linli/shared';

import type { HouseholdMember, ResidentProfile, SessionAccount } from '@linli/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { saveSession } from '../../src/storage/token-storage';
import { communitiesFixture } from './fixtures';
import { profileOf, residentAccount } from './people';
import { readJson, sendJson } from './fixture-server';

import type { Handler } from './fixture-server';

/** What the fake identity API remembers between requests of one test. */
export interface FakeApi {
  account: SessionAccount;
  accessToken: string;
  refreshToken: string;
  profile: ResidentProfile | null;
  members: HouseholdMember[];
  /** `METHOD /path` of every request, in order. */
  calls: string[];
}

export function createFakeApi(overrides: Partial<FakeApi> = {}): FakeApi {
  return {
    account: residentAccount(),
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    profile: null,
    members: [],
    calls: [],
    ...overrides,
  };
}

/** Stores the fake API's current session on the device, as a sign-in would have. */
export function signInTo(api: FakeApi): void {
  saveSession({ accessToken: api.accessToken, refreshToken: api.refreshToken, account: api.account });
}

type Authed = (api: FakeApi, req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export function authed(api: FakeApi, handle: Authed): Handler {
  return (req, res) => {
    api.calls.push(`${req.method} ${(req.url ?? '').replace(/^\/api/, '')}`);
    if (req.headers.authorization !== `Bearer ${api.accessToken}`) {
      sendJson(res, 401, { code: 'TOKEN_INVALID', message: '登录已失效，请重新登录', requestId: 'r' });
      return;
    }
    void handle(api, req, res);
  };
}

function memberId(req: IncomingMessage): string {
  return (req.url ?? '').split('/')[4] ?? '';
}

let nextMember = 1;

/** The API routes the 我的 page uses, answering with the shapes the real API has. */
export function meRoutes(api: FakeApi): Record<string, Handler> {
  return {
    '/me': authed(api, (state, _req, res) => sendJson(res, 200, state.account)),
    '/me/privacy-consent': authed(api, async (state, req, res) => {
      const body = await readJson<{ version: string }>(req);
      if (body.version !== CURRENT_PRIVACY_POLICY_VERSION) {
        sendJson(res, 409, { code: 'CONFLICT', message: '隐私政策已更新', requestId: 'r' });
        return;
      }
      state.account = { ...state.account, consentRequired: false };
      sendJson(res, 200, state.account);
    }),
    '/me/profile': authed(api, async (state, req, res) => {
      if (req.method === 'GET') {
        sendJson(res, 200, { profile: state.profile });
        return;
      }
      const body = await readJson<{ name: string; address?: string | null; communityId?: string | null }>(req);
      const community = communitiesFixture.find((item) => item.id === body.communityId);
      state.profile = profileOf({
        ...state.profile,
        name: body.name,
        address: body.address ?? null,
        communityId: community?.id ?? null,
        communityName: community?.name ?? null,
      });
      sendJson(res, 200, state.profile);
    }),
    '/household/members': authed(api, async (state, req, res) => {
      if (req.method === 'GET') {
        sendJson(res, 200, { items: state.members });
        return;
      }
      const body = await readJson<HouseholdMember>(req);
      const member: HouseholdMember = {
        ...profileOf({ id: `member-${nextMember++}`, name: body.name, phoneMasked: null, idNumberMasked: null, hasOwnAccount: false }),
        address: body.address ?? null,
        relation: body.relation,
      };
      state.members = [...state.members, member];
      sendJson(res, 201, member);
    }),
    '/household/members/:id': authed(api, (state, req, res) => {
      const id = memberId(req);
      if (req.method === 'DELETE') {
        state.members = state.members.filter((member) => member.id !== id);
        res.writeHead(204).end();
        return;
      }
      sendJson(res, 405, { code: 'METHOD_NOT_ALLOWED', message: '不支持', requestId: 'r' });
    }),
    '/household/members/:id/invitation': authed(api, (_state, _req, res) => sendJson(res, 201, { code: 'K7M2Q9XA', expiresAt: '2026-12-01T02:00:00.000Z' })),
    '/regions/communities': (_req, res) => sendJson(res, 200, { items: communitiesFixture }),
    '/auth/logout': authed(api, (_state, _req, res) => void res.writeHead(204).end()),
  };
}
