import type { AccountPreferences, LoginResponse } from '@linli/shared';
import { AccountPreference } from '../src/modules/preferences';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * 长辈模式 per account (issue 16): the choice made on 我的 is kept on the server, so signing in on another phone brings
 * it along. Each account reads and writes only its own, whatever it sends; nothing chosen reads as null.
 */
describe('account preferences (GET/PUT /api/me/preferences)', () => {
  let t: TestApp;
  let wang: LoginResponse;
  let staff: LoginResponse;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
    wang = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    staff = await loginWithPassword(t, 'anda.staff');
  });
  afterAll(() => t.close());

  const read = async (login: LoginResponse) => (await t.http().get('/api/me/preferences').set(bearer(login)).expect(200)).body as AccountPreferences;
  const save = (login: LoginResponse, body: unknown) =>
    t
      .http()
      .put('/api/me/preferences')
      .set(bearer(login))
      .send(body as object);

  it('reads null (follow WeChat’s font size, keep the device’s choice) before anything was chosen', async () => {
    expect(await read(wang)).toEqual({ elderMode: null });
  });

  it('keeps the choice for the account: a second sign-in (another phone) reads it, and null goes back to not chosen', async () => {
    expect((await save(wang, { elderMode: 'on' }).expect(200)).body).toEqual({ elderMode: 'on' });
    const otherPhone = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    expect(await read(otherPhone)).toEqual({ elderMode: 'on' });

    await save(otherPhone, { elderMode: 'off' }).expect(200);
    expect(await read(wang)).toEqual({ elderMode: 'off' });
    await save(wang, { elderMode: null }).expect(200);
    expect(await read(wang)).toEqual({ elderMode: null });
    expect(await t.dataSource.getRepository(AccountPreference).countBy({ accountId: wang.account.id })).toBe(1);
  });

  it('is per account: staff have their own, and one account’s choice never shows in another’s', async () => {
    await save(wang, { elderMode: 'on' }).expect(200);
    expect(await read(staff)).toEqual({ elderMode: null });
    await save(staff, { elderMode: 'off' }).expect(200);
    expect(await read(wang)).toEqual({ elderMode: 'on' });
    expect(await read(staff)).toEqual({ elderMode: 'off' });
  });

  it('refuses values it does not know and fields it does not keep, in the one error body', async () => {
    for (const body of [{ elderMode: 'big' }, { elderMode: 1 }, {}, { elderMode: 'on', accountId: staff.account.id }]) {
      const response = await save(wang, body).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(await read(wang)).toEqual({ elderMode: 'on' });
    expect(await read(staff)).toEqual({ elderMode: 'off' });
  });

  it('answers 401 without a session', async () => {
    await t.http().get('/api/me/preferences').expect(401);
    await t.http().put('/api/me/preferences').send({ elderMode: 'on' }).expect(401);
  });
});
