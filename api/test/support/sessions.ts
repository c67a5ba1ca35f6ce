import type { LoginResponse } from '@linli/shared';
import { DEMO_PASSWORD } from '../../src/seed/demo-identities';
import type { TestApp } from './test-app';

/** Signs in through the real login routes, as the mini program would. */
export async function loginWithWechat(t: TestApp, openid: string): Promise<LoginResponse> {
  const response = await t
    .http()
    .post('/api/auth/wechat/login')
    .send({ code: t.wechat.mintLoginCode(openid) })
    .expect(200);
  return response.body as LoginResponse;
}

export async function loginWithPassword(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
  const response = await t.http().post('/api/auth/password/login').send({ username, password }).expect(200);
  return response.body as LoginResponse;
}

export const bearer = (login: LoginResponse) => ({ authorization: `Bearer ${login.tokens.accessToken}` });
