import { Worker } from '../src/modules/providers/worker.entity';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

describe('providers, workers and invitation codes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
  });
  afterAll(() => t.close());

  it('an admin registers a provider; its admin adds a worker, who binds WeChat with a one-time code', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    const provider = await t
      .http()
      .post('/api/providers')
      .set(bearer(admin))
      .send({ name: '邻家维修', regionId: stableId('region', '340104'), adminUsername: 'linjia.admin', adminPassword: 'Linjia-pass-2026' })
      .expect(201);
    expect(provider.body).toMatchObject({ name: '邻家维修', regionName: '蜀山区', status: 'active' });

    const providerAdmin = await loginWithPassword(t, 'linjia.admin', 'Linjia-pass-2026');
    expect(providerAdmin.account).toMatchObject({ role: 'provider_admin', providerId: provider.body.id, regionName: '蜀山区' });
    const worker = await t.http().post(`/api/providers/${provider.body.id}/workers`).set(bearer(providerAdmin)).send({ name: '吴师傅', phone: '13511112222' }).expect(201);
    expect(worker.body).toMatchObject({ name: '吴师傅', phoneMasked: '135****2222', wechatBound: false });
    expect((await t.dataSource.getRepository(Worker).findOneByOrFail({ id: worker.body.id })).phoneCipher).not.toContain('13511112222');

    const invitation = await t.http().post(`/api/providers/${provider.body.id}/workers/${worker.body.id}/invitation`).set(bearer(providerAdmin)).expect(201);
    const bound = await t
      .http()
      .post('/api/auth/wechat/worker-binding')
      .send({ code: t.wechat.mintLoginCode('openid-wu'), invitationCode: invitation.body.code })
      .expect(200);
    expect(bound.body.account).toMatchObject({ role: 'worker', providerId: provider.body.id, displayName: '吴师傅' });

    const again = await loginWithWechat(t, 'openid-wu');
    expect(again.account.role).toBe('worker');
    const reused = await t
      .http()
      .post('/api/auth/wechat/worker-binding')
      .send({ code: t.wechat.mintLoginCode('openid-other'), invitationCode: invitation.body.code })
      .expect(400);
    expect(reused.body.code).toBe('INVITATION_INVALID');
    const list = await t.http().get(`/api/providers/${provider.body.id}/workers`).set(bearer(providerAdmin)).expect(200);
    expect(list.body.items[0].wechatBound).toBe(true);
    await t.http().post(`/api/providers/${provider.body.id}/workers/${worker.body.id}/invitation`).set(bearer(providerAdmin)).expect(409);
  });

  it('a WeChat already bound to an account cannot bind to a worker record too', async () => {
    const providerAdmin = await loginWithPassword(t, 'anxin.admin');
    const provider = stableId('provider', 'anxin');
    const worker = await t.http().post(`/api/providers/${provider}/workers`).set(bearer(providerAdmin)).send({ name: '郑师傅', phone: '13511113333' }).expect(201);
    const invitation = await t.http().post(`/api/providers/${provider}/workers/${worker.body.id}/invitation`).set(bearer(providerAdmin)).expect(201);
    const response = await t
      .http()
      .post('/api/auth/wechat/worker-binding')
      .send({ code: t.wechat.mintLoginCode('demo-openid-wang-xiuying'), invitationCode: invitation.body.code })
      .expect(409);
    expect(response.body.code).toBe('CONFLICT');
  });

  it('suspending a provider locks out its admin and workers at once; reinstating lets them back', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    const providerAdmin = await loginWithPassword(t, 'anxin.admin');
    const worker = await loginWithWechat(t, 'demo-openid-worker-zhao');
    const provider = stableId('provider', 'anxin');
    const noReason = await t.http().put(`/api/providers/${provider}/status`).set(bearer(admin)).send({ status: 'suspended' }).expect(400);
    expect(noReason.body.details[0]).toMatchObject({ field: 'reason' });
    await t.http().put(`/api/providers/${provider}/status`).set(bearer(admin)).send({ status: 'suspended', reason: '服务投诉核查中' }).expect(200);
    await t.http().get('/api/me').set(bearer(providerAdmin)).expect(401);
    await t.http().get('/api/me').set(bearer(worker)).expect(401);
    const blocked = await t.http().post('/api/auth/password/login').send({ username: 'anxin.admin', password: 'Linli@2026' }).expect(403);
    expect(blocked.body).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '机构已暂停服务，请联系社区工作人员' });
    await t
      .http()
      .post('/api/auth/wechat/login')
      .send({ code: t.wechat.mintLoginCode('demo-openid-worker-zhao') })
      .expect(403);
    await t.http().put(`/api/providers/${provider}/status`).set(bearer(admin)).send({ status: 'active' }).expect(200);
    await loginWithPassword(t, 'anxin.admin');
  });

  it('disabling an account revokes its sessions immediately', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    const staff = await loginWithPassword(t, 'sanlian.staff');
    await t.http().put(`/api/admin/accounts/${staff.account.id}/status`).set(bearer(admin)).send({ status: 'disabled' }).expect(200);
    await t.http().get('/api/me').set(bearer(staff)).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: staff.tokens.refreshToken }).expect(401);
    await t.http().post('/api/auth/password/login').send({ username: 'sanlian.staff', password: 'Linli@2026' }).expect(403);
    const self = await t.http().put(`/api/admin/accounts/${admin.account.id}/status`).set(bearer(admin)).send({ status: 'disabled' }).expect(409);
    expect(self.body.message).toContain('自己');
    await t.http().put(`/api/admin/accounts/${staff.account.id}/status`).set(bearer(admin)).send({ status: 'active' }).expect(200);
    await loginWithPassword(t, 'sanlian.staff');
  });

  it('refuses a taken username with CONFLICT naming the field', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    const response = await t
      .http()
      .post('/api/admin/staff-accounts')
      .set(bearer(admin))
      .send({ username: 'anda.staff', password: 'Another-pass-1', displayName: '重名', regionId: stableId('region', '340104'), role: 'staff' })
      .expect(409);
    expect(response.body.details).toEqual({ field: 'username' });
  });
});

describe('provider applications: an organisation applies, staff of its region approve or reject it', () => {
  let t: TestApp;
  const ANDA = stableId('region', '340104001001');
  const application = (overrides: object = {}) => ({
    name: '邻里助老服务中心',
    kind: 'care',
    regionId: ANDA,
    contactName: '张丽',
    contactPhone: '13905510123',
    creditCode: '91350100M000100Y43',
    adminUsername: 'linli.care',
    adminPassword: 'Care-pass-2026',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
  });
  afterAll(() => t.close());

  it('a resident applies; the organisation waits, cannot sign in, and the community staff approve it', async () => {
    const applicant = await loginWithWechat(t, 'demo-openid-sun-guilan');
    const sent = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ creditCode: ' 91350100m000100y43 ' }))
      .expect(201);
    expect(sent.body).toMatchObject({
      name: '邻里助老服务中心',
      kind: 'care',
      status: 'pending',
      regionName: '安大社区',
      contactName: '张丽',
      contactPhoneMasked: '139****0123',
      creditCode: '91350100M000100Y43',
      decisionReason: null,
    });
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM provider WHERE id = ?', [sent.body.id]))).not.toContain('13905510123');

    const early = await t.http().post('/api/auth/password/login').send({ username: 'linli.care', password: 'Care-pass-2026' }).expect(403);
    expect(early.body).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '机构入驻申请审核中，通过后即可登录' });
    // One pending application at a time per applicant.
    const second = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ adminUsername: 'linli.care2' }))
      .expect(409);
    expect(second.body.details).toEqual({ field: 'application' });

    // Staff of another region do not see it; the community's staff do, and approve it.
    const other = await loginWithPassword(t, 'nanping.staff');
    expect(JSON.stringify((await t.http().get('/api/providers').set(bearer(other)).expect(200)).body)).not.toContain(sent.body.id);
    await t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(other)).send({ status: 'active' }).expect(404);
    const staff = await loginWithPassword(t, 'anda.staff');
    const listed = await t.http().get('/api/providers').set(bearer(staff)).expect(200);
    expect(listed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: sent.body.id, status: 'pending' })]));
    const approved = await t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(staff)).send({ status: 'active' }).expect(200);
    expect(approved.body.status).toBe('active');
    const again = await t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(staff)).send({ status: 'rejected', reason: '重复审核' }).expect(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');

    const providerAdmin = await loginWithPassword(t, 'linli.care', 'Care-pass-2026');
    expect(providerAdmin.account).toMatchObject({ role: 'provider_admin', providerId: sent.body.id });
    const mine = await t.http().get('/api/provider-applications/mine').set(bearer(applicant)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: sent.body.id, status: 'active' })]);
    // The demo's own application (康乐, sent by 李明) is his, not hers.
    const li = await loginWithWechat(t, 'demo-openid-li-ming');
    expect((await t.http().get('/api/provider-applications/mine').set(bearer(li)).expect(200)).body.items).toEqual([
      expect.objectContaining({ name: '康乐居家养老服务社', status: 'pending', contactPhoneMasked: '138****0002' }),
    ]);
    // The decision is audited and announced for the notification issue.
    const outbox = await t.dataSource.query("SELECT topic FROM outbox_message WHERE topic = 'provider.approve'");
    expect(outbox).toHaveLength(1);
  });

  it('staff reject with a reason the applicant reads; the applicant may then apply again', async () => {
    const applicant = await loginWithWechat(t, 'demo-openid-wang-xiuying');
    const sent = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ name: '快修小铺', kind: 'repair', adminUsername: 'kuaixiu.admin' }))
      .expect(201);
    const staff = await loginWithPassword(t, 'anda.staff');
    const noReason = await t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(staff)).send({ status: 'rejected' }).expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const suspendPending = await t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(staff)).send({ status: 'suspended', reason: '先暂停' }).expect(409);
    expect(suspendPending.body.message).toBe('该机构当前为“待审核”，不能改为“已暂停”');
    await t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(staff)).send({ status: 'rejected', reason: '营业执照经营范围不含维修' }).expect(200);

    const mine = await t.http().get('/api/provider-applications/mine').set(bearer(applicant)).expect(200);
    expect(mine.body.items[0]).toMatchObject({ id: sent.body.id, status: 'rejected', decisionReason: '营业执照经营范围不含维修' });
    const refused = await t.http().post('/api/auth/password/login').send({ username: 'kuaixiu.admin', password: 'Care-pass-2026' }).expect(403);
    expect(refused.body.message).toBe('机构入驻申请未通过，请在小程序中查看原因');
    await t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(staff)).send({ status: 'active' }).expect(409); // final

    const retry = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ name: '快修小铺', kind: 'repair', adminUsername: 'kuaixiu.admin2' }))
      .expect(201);
    expect(retry.body.status).toBe('pending');
    // Another resident sees none of these.
    const newcomer = await loginWithWechat(t, 'openid-newcomer');
    expect((await t.http().get('/api/provider-applications/mine').set(bearer(newcomer)).expect(200)).body.items).toEqual([]);
  });

  it('of two staff deciding at once, exactly one decision counts', async () => {
    const applicant = await loginWithWechat(t, 'demo-openid-li-ming');
    await t.dataSource.query("UPDATE provider SET pending_applicant_id = NULL, status = 'rejected' WHERE status = 'pending'");
    const sent = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ adminUsername: 'race.admin' }))
      .expect(201);
    const staff = await loginWithPassword(t, 'anda.staff');
    const admin = await loginWithPassword(t, 'shushan.admin');
    const answers = await Promise.all([
      t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(staff)).send({ status: 'active' }),
      t.http().put(`/api/providers/${sent.body.id}/status`).set(bearer(admin)).send({ status: 'rejected', reason: '资质不全' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const decisions = await t.dataSource.query("SELECT action FROM audit_entry WHERE target_id = ? AND action IN ('provider.approve', 'provider.reject')", [sent.body.id]);
    expect(decisions).toHaveLength(1);
  });

  it('checks every field: credit code, phone, kind, region level, login name, password; unknown fields are refused', async () => {
    const applicant = await loginWithWechat(t, 'demo-openid-li-ming');
    const bad = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ creditCode: '91350100M000100Y44', contactPhone: '12345', kind: 'bank', adminUsername: 'A', adminPassword: 'short' }))
      .expect(400);
    expect(bad.body.details.map((v: { field: string }) => v.field).sort()).toEqual(['adminPassword', 'adminUsername', 'contactPhone', 'creditCode', 'kind']);
    expect(bad.body.details.find((v: { field: string }) => v.field === 'creditCode').message).toBe('统一社会信用代码不正确');
    const district = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ regionId: stableId('region', '340104'), adminUsername: 'district.admin' }))
      .expect(400);
    expect(district.body.details[0].field).toBe('regionId');
    await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ regionId: '00000000-0000-4000-8000-000000000000' }))
      .expect(404);
    await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ status: 'active' }))
      .expect(400);
    const taken = await t
      .http()
      .post('/api/provider-applications')
      .set(bearer(applicant))
      .send(application({ adminUsername: 'anxin.admin' }))
      .expect(409);
    expect(taken.body.details).toEqual({ field: 'adminUsername' });
  });
});

describe('regions and centres: public reads and admin upkeep', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seed();
  });
  afterAll(() => t.close());

  it('walks the tree one level at a time', async () => {
    const city = await t
      .http()
      .get(`/api/regions/${stableId('region', '340100')}/children`)
      .expect(200);
    expect(city.body.items.map((r: { name: string; level: string }) => [r.name, r.level])).toEqual([
      ['蜀山区', 'district'],
      ['包河区', 'district'],
    ]);
    await t.http().get('/api/regions/00000000-0000-4000-8000-000000000000/children').expect(404);
    const bad = await t.http().get('/api/regions/not-a-uuid/children').expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'regionId', constraints: ['isUuid'] });
  });

  it('finds the centres nearest a point, closest first, with distances', async () => {
    const response = await t.http().get('/api/centres/nearby').query({ latitude: '31.8445', longitude: '117.2620', limit: '3' }).expect(200);
    expect(response.body.items).toHaveLength(3);
    expect(response.body.items[0]).toMatchObject({ name: '安大社区市民中心', distanceMeters: expect.any(Number) });
    const distances = response.body.items.map((c: { distanceMeters: number }) => c.distanceMeters);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const outOfRange = await t.http().get('/api/centres/nearby').query({ latitude: '95', longitude: '117' }).expect(400);
    expect(outOfRange.body.details[0].field).toBe('latitude');
  });

  it('an admin adds a community one level under a street, and a centre in it; levels and codes are checked', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    const street = stableId('region', '340104001');
    const wrongLevel = await t.http().post('/api/admin/regions').set(bearer(admin)).send({ code: '340104001009', name: '错层', level: 'street', parentId: street }).expect(400);
    expect(wrongLevel.body.details[0]).toMatchObject({ field: 'level' });
    const community = await t
      .http()
      .post('/api/admin/regions')
      .set(bearer(admin))
      .send({ code: '340104001009', name: '新华社区', level: 'community', parentId: street })
      .expect(201);
    await t.http().post('/api/admin/regions').set(bearer(admin)).send({ code: '340104001009', name: '重复', level: 'community', parentId: street }).expect(409);

    const centre = await t
      .http()
      .post('/api/admin/centres')
      .set(bearer(admin))
      .send({
        code: 'C340104001009',
        name: '新华社区市民中心',
        regionId: community.body.id,
        address: '新华路 1 号',
        phone: '0551-65109999',
        openingHours: '周一至周五 9:00-17:00',
        latitude: 31.85,
        longitude: 117.25,
      })
      .expect(201);
    expect(centre.body).toMatchObject({ regionName: '新华社区', latitude: 31.85, longitude: 117.25 });
    const atDistrict = await t
      .http()
      .post('/api/admin/centres')
      .set(bearer(admin))
      .send({
        code: 'C340104X',
        name: '区中心',
        regionId: stableId('region', '340104'),
        address: '某路',
        phone: '0551-1',
        openingHours: '全天',
        latitude: 31.85,
        longitude: 117.25,
      })
      .expect(400);
    expect(atDistrict.body.details[0].field).toBe('regionId');
    const communities = await t.http().get('/api/regions/communities').query({ keyword: '新华' }).expect(200);
    expect(communities.body.items).toEqual([expect.objectContaining({ name: '新华社区', streetName: '三里庵街道', centreCount: 1 })]);
  });

  it('admins cannot reach outside their subtree', async () => {
    const admin = await loginWithPassword(t, 'shushan.admin');
    await t
      .http()
      .post('/api/admin/regions')
      .set(bearer(admin))
      .send({ code: '340111009', name: '越界街道', level: 'street', parentId: stableId('region', '340111') })
      .expect(404);
    await t
      .http()
      .put(`/api/admin/regions/${stableId('region', '340111')}`)
      .set(bearer(admin))
      .send({ name: '改名' })
      .expect(404);
  });
});
