import { CURRENT_PRIVACY_POLICY_VERSION, idNumberCheckCharacter, type LoginResponse } from '@linli/shared';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { AccountPreference } from '../src/modules/preferences';
import { Resident } from '../src/modules/residents/resident.entity';
import { DEMO_PEOPLE } from '../src/seed/demo-identities';
import { stableId } from '../src/seed/stable-id';
import { bearer, loginWithPassword, loginWithWechat } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const ANDA = stableId('region', '340104001001');

/** Every stored row of every table as text: plain personal data must not appear anywhere in it. */
async function wholeDatabaseText(t: TestApp): Promise<string> {
  const tables = t.dataSource.entityMetadatas.map((metadata) => metadata.tableName);
  const dumps = await Promise.all(tables.map((table) => t.dataSource.query(`SELECT * FROM ${table}`)));
  return JSON.stringify(dumps);
}

describe('residents: consent, profile, phone, household, staff acting for them, export and deletion', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_IP: '10000' } });
    await t.seed();
  });
  afterAll(() => t.close());

  async function newResident(openid: string, consent = true): Promise<LoginResponse> {
    const login = await loginWithWechat(t, openid);
    if (consent) await t.http().post('/api/me/privacy-consent').set(bearer(login)).send({ version: CURRENT_PRIVACY_POLICY_VERSION }).expect(200);
    return login;
  }

  describe('consent comes before any personal data', () => {
    it('refuses to store a profile or a phone until the privacy terms are accepted', async () => {
      const login = await newResident('openid-no-consent', false);
      const profile = await t.http().put('/api/me/profile').set(bearer(login)).send({ name: '赵大爷' }).expect(403);
      expect(profile.body).toMatchObject({ code: 'CONSENT_REQUIRED', details: { version: CURRENT_PRIVACY_POLICY_VERSION } });
      await t
        .http()
        .post('/api/me/phone')
        .set(bearer(login))
        .send({ code: t.wechat.mintPhoneCode('13900000001') })
        .expect(403);
      expect(await t.dataSource.getRepository(Resident).countBy({ name: '赵大爷' })).toBe(0);
    });

    it('records the accepted version and time; an outdated version is refused', async () => {
      const login = await newResident('openid-consent', false);
      const stale = await t.http().post('/api/me/privacy-consent').set(bearer(login)).send({ version: '2020-01-01' }).expect(409);
      expect(stale.body.details).toEqual({ currentVersion: CURRENT_PRIVACY_POLICY_VERSION });
      const accepted = await t.http().post('/api/me/privacy-consent').set(bearer(login)).send({ version: CURRENT_PRIVACY_POLICY_VERSION }).expect(200);
      expect(accepted.body.consentRequired).toBe(false);
      const exported = await t.http().get('/api/me/export').set(bearer(login)).expect(200);
      expect(exported.body.consents).toEqual([{ version: CURRENT_PRIVACY_POLICY_VERSION, acceptedAt: expect.any(String) }]);
    });
  });

  describe('ID numbers', () => {
    const idNumber = withCheck('34010419550101123');

    it('are validated, stored only encrypted, found by keyed hash, and answered masked', async () => {
      const login = await newResident('openid-id-owner');
      const saved = await t.http().put('/api/me/profile').set(bearer(login)).send({ name: '钱老师', idNumber, communityId: ANDA, address: '肥西路 5 号' }).expect(200);
      expect(saved.body).toMatchObject({ name: '钱老师', idNumberMasked: '3401**********' + idNumber.slice(-4), birthDate: '1955-01-01', communityName: '安大社区' });
      expect(JSON.stringify(saved.body)).not.toContain(idNumber);
      expect(await wholeDatabaseText(t)).not.toContain(idNumber);

      const staff = await loginWithPassword(t, 'anda.staff');
      const found = await t.http().get('/api/staff/residents').set(bearer(staff)).query({ idNumber }).expect(200);
      expect(found.body.items.map((r: { name: string }) => r.name)).toEqual(['钱老师']);
      expect(JSON.stringify(found.body)).not.toContain(idNumber);
    });

    it.each([
      ['a wrong check character', `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`],
      ['an impossible birth date', withCheck('34010419550230123')],
      ['too few digits', '3401041955'],
    ])('rejects %s with VALIDATION_FAILED on idNumber', async (_label, bad) => {
      const login = await newResident(`openid-bad-id-${bad}`);
      const response = await t.http().put('/api/me/profile').set(bearer(login)).send({ name: '孙阿姨', idNumber: bad }).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'idNumber', constraints: ['isIdNumber'] })]);
    });

    it("refuses someone else's ID number with ID_NUMBER_TAKEN", async () => {
      const login = await newResident('openid-id-thief');
      const wang = DEMO_PEOPLE.find((person) => person.key === 'wang-xiuying')!;
      const response = await t.http().put('/api/me/profile').set(bearer(login)).send({ name: '冒名者', idNumber: wang.idNumber }).expect(409);
      expect(response.body.code).toBe('ID_NUMBER_TAKEN');
    });

    it('only staff of the resident’s region see the full number, and each look is audited', async () => {
      const wang = stableId('resident', 'wang-xiuying');
      const staff = await loginWithPassword(t, 'anda.staff');
      const revealed = await t.http().post(`/api/staff/residents/${wang}/id-number/reveal`).set(bearer(staff)).expect(200);
      expect(revealed.body.idNumber).toBe(DEMO_PEOPLE.find((person) => person.key === 'wang-xiuying')!.idNumber);
      const entry = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ action: 'resident.id_number_revealed', targetId: wang });
      expect(entry).toMatchObject({ actorAccountId: staff.account.id, actorRole: 'staff', ip: expect.any(String), requestId: expect.any(String) });

      const outsider = await loginWithPassword(t, 'nanping.staff');
      await t.http().post(`/api/staff/residents/${wang}/id-number/reveal`).set(bearer(outsider)).expect(404);

      const admin = await loginWithPassword(t, 'shushan.admin');
      const audit = await t.http().get('/api/admin/audit').set(bearer(admin)).query({ action: 'resident.id_number_revealed' }).expect(200);
      expect(audit.body.items[0]).toMatchObject({ actorAccountId: staff.account.id, targetId: wang });
    });
  });

  it('binds the phone WeChat verified, stores it encrypted and answers it masked', async () => {
    const login = await newResident('openid-phone');
    const response = await t
      .http()
      .post('/api/me/phone')
      .set(bearer(login))
      .send({ code: t.wechat.mintPhoneCode('13912340000') })
      .expect(200);
    expect(response.body).toMatchObject({ phoneMasked: '139****0000', phoneOwner: 'self' });
    expect(await wholeDatabaseText(t)).not.toContain('13912340000');
    const me = await t.http().get('/api/me').set(bearer(login)).expect(200);
    expect(me.body.phoneBound).toBe(true);
    const reused = await t.http().post('/api/me/phone').set(bearer(login)).send({ code: 'invalid' }).expect(400);
    expect(reused.body.code).toBe('WECHAT_CODE_INVALID');
  });

  it('fetches a fresh access token once when WeChat says ours is no longer valid (40001)', async () => {
    const login = await newResident('openid-phone-token');
    await t
      .http()
      .post('/api/me/phone')
      .set(bearer(login))
      .send({ code: t.wechat.mintPhoneCode('13912340001') })
      .expect(200);
    t.wechat.invalidateAccessTokens(); // as if another server had force-refreshed it
    const before = t.wechat.calls.length;
    await t
      .http()
      .post('/api/me/phone')
      .set(bearer(login))
      .send({ code: t.wechat.mintPhoneCode('13912340002') })
      .expect(200);
    expect(t.wechat.calls.slice(before)).toEqual(['/wxa/business/getuserphonenumber', '/cgi-bin/stable_token', '/wxa/business/getuserphonenumber']);
  });

  describe('household members: a child acts for a parent without WeChat', () => {
    it('adds, edits, lists and removes a member; the member can later claim their record with their own WeChat', async () => {
      const child = await newResident('openid-child');
      await t.http().put('/api/me/profile').set(bearer(child)).send({ name: '周明', communityId: ANDA }).expect(200);
      const father = withCheck('34010419400505123');
      const added = await t.http().post('/api/household/members').set(bearer(child)).send({ name: '周大山', relation: '父亲', idNumber: father, communityId: ANDA }).expect(201);
      expect(added.body).toMatchObject({ name: '周大山', relation: '父亲', idNumberMasked: expect.stringMatching(/^3401\*+1\d{2}.$/), hasOwnAccount: false, phoneMasked: null });

      const edited = await t
        .http()
        .put(`/api/household/members/${added.body.id}`)
        .set(bearer(child))
        .send({ name: '周大山', relation: '父亲', address: '肥西路 9 号', phone: '13700001111' })
        .expect(200);
      expect(edited.body).toMatchObject({ address: '肥西路 9 号', phoneMasked: '137****1111' });
      const list = await t.http().get('/api/household/members').set(bearer(child)).expect(200);
      expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([added.body.id]);

      const invitation = await t.http().post(`/api/household/members/${added.body.id}/invitation`).set(bearer(child)).expect(201);
      expect(invitation.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      const claimed = await t
        .http()
        .post('/api/auth/wechat/member-claim')
        .send({ code: t.wechat.mintLoginCode('openid-father'), invitationCode: invitation.body.code.toLowerCase() })
        .expect(200);
      expect(claimed.body.account).toMatchObject({ role: 'resident', residentId: added.body.id, displayName: '周大山' });
      await t
        .http()
        .post('/api/auth/wechat/member-claim')
        .send({ code: t.wechat.mintLoginCode('openid-someone'), invitationCode: invitation.body.code })
        .expect(400);
      const afterClaim = await t.http().get('/api/household/members').set(bearer(child)).expect(200);
      expect(afterClaim.body.items[0].hasOwnAccount).toBe(true);

      await t.http().delete(`/api/household/members/${added.body.id}`).set(bearer(child)).expect(204);
      expect((await t.http().get('/api/household/members').set(bearer(child)).expect(200)).body.items).toEqual([]);
    });

    it('needs the proxy’s own record first, and rejects unknown relations and fields', async () => {
      const login = await newResident('openid-no-profile');
      const early = await t.http().post('/api/household/members').set(bearer(login)).send({ name: '吴奶奶', relation: '母亲' }).expect(409);
      expect(early.body.message).toContain('本人信息');
      await t.http().put('/api/me/profile').set(bearer(login)).send({ name: '吴晓' }).expect(200);
      const badRelation = await t.http().post('/api/household/members').set(bearer(login)).send({ name: '吴奶奶', relation: '邻居' }).expect(400);
      expect(badRelation.body.details[0].field).toBe('relation');
      const serverField = await t.http().post('/api/household/members').set(bearer(login)).send({ name: '吴奶奶', relation: '母亲', createdByAccountId: 'x' }).expect(400);
      expect(serverField.body.details[0]).toMatchObject({ field: 'createdByAccountId', constraints: ['whitelistValidation'] });
    });
  });

  describe('staff act for a resident who has no phone', () => {
    it('registers the resident with a relative’s phone, and every action carries the staff member’s id', async () => {
      const staff = await loginWithPassword(t, 'anda.staff');
      const registered = await t
        .http()
        .post('/api/staff/residents')
        .set(bearer(staff))
        .send({ name: '冯奶奶', communityId: ANDA, phone: '13600002222', phoneOwner: 'relative', address: '肥西路 1 号' })
        .expect(201);
      expect(registered.body).toMatchObject({ name: '冯奶奶', phoneOwner: 'relative', phoneMasked: '136****2222', hasOwnAccount: false });
      await t
        .http()
        .put(`/api/staff/residents/${registered.body.id}`)
        .set(bearer(staff))
        .send({ name: '冯奶奶', communityId: ANDA, phone: '13600002222', phoneOwner: 'relative', address: '肥西路 2 号' })
        .expect(200);
      await t.http().get(`/api/staff/residents/${registered.body.id}`).set(bearer(staff)).expect(200);
      const entries = await t.dataSource.getRepository(AuditEntry).find({ where: { targetId: registered.body.id }, order: { createdAt: 'ASC' } });
      expect(entries.map((e) => [e.action, e.actorAccountId])).toEqual([
        ['resident.registered_by_staff', staff.account.id],
        ['resident.updated_by_staff', staff.account.id],
        ['resident.viewed', staff.account.id],
      ]);
      const byPhone = await t.http().get('/api/staff/residents').set(bearer(staff)).query({ phone: '13600002222' }).expect(200);
      expect(byPhone.body.items.map((r: { id: string }) => r.id)).toEqual([registered.body.id]);
    });

    it('switch SMS on for an elder without WeChat, with consent: only staff of her region, off again when her phone changes or goes', async () => {
      const staff = await loginWithPassword(t, 'anda.staff');
      const elder = { name: '钱奶奶', communityId: ANDA, phone: '13600004444', phoneOwner: 'relative' };
      const registered = await t.http().post('/api/staff/residents').set(bearer(staff)).send(elder).expect(201);
      expect(registered.body.smsNotifications).toBe(false);
      const on = await t
        .http()
        .put(`/api/staff/residents/${registered.body.id}`)
        .set(bearer(staff))
        .send({ ...elder, smsNotifications: true })
        .expect(200);
      expect(on.body.smsNotifications).toBe(true);
      // An edit that does not mention it leaves it on; the switch is audited with its value (the consent's trace).
      await t
        .http()
        .put(`/api/staff/residents/${registered.body.id}`)
        .set(bearer(staff))
        .send({ ...elder, address: '肥西路 3 号' })
        .expect(200);
      expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: registered.body.id })).smsNotifications).toBe(true);
      const audits = await t.dataSource
        .getRepository(AuditEntry)
        .find({ where: { targetId: registered.body.id, action: 'resident.updated_by_staff' }, order: { createdAt: 'ASC' } });
      expect(audits.map((entry) => entry.details)).toEqual([{ smsNotifications: true }, null]);

      // Another community's staff cannot reach her record at all; a resident has no such field.
      const outsider = await loginWithPassword(t, 'nanping.staff');
      await t
        .http()
        .put(`/api/staff/residents/${registered.body.id}`)
        .set(bearer(outsider))
        .send({ ...elder, smsNotifications: false })
        .expect(404);
      const resident = await newResident('openid-sms-self');
      const refused = await t.http().put('/api/me/profile').set(bearer(resident)).send({ name: '钱晓', smsNotifications: true }).expect(400);
      expect(refused.body.details[0]).toMatchObject({ field: 'smsNotifications', constraints: ['whitelistValidation'] });
      const notBoolean = await t
        .http()
        .post('/api/staff/residents')
        .set(bearer(staff))
        .send({ ...elder, phone: '13600005555', smsNotifications: 'yes' })
        .expect(400);
      expect(notBoolean.body.details[0].field).toBe('smsNotifications');

      // Registered with it on; a household proxy who later clears the phone switches it off with it.
      const child = await newResident('openid-sms-child');
      await t.http().put('/api/me/profile').set(bearer(child)).send({ name: '孙明', communityId: ANDA }).expect(200);
      const member = await t
        .http()
        .post('/api/household/members')
        .set(bearer(child))
        .send({ name: '孙大爷', relation: '父亲', phone: '13600006666', communityId: ANDA })
        .expect(201);
      const withSms = await t
        .http()
        .put(`/api/staff/residents/${member.body.id}`)
        .set(bearer(staff))
        .send({ name: '孙大爷', communityId: ANDA, phone: '13600006666', phoneOwner: 'self', smsNotifications: true })
        .expect(200);
      expect(withSms.body.smsNotifications).toBe(true);
      // The consent was for that number: the proxy sending the same number leaves it on, a new number switches it off.
      const samePhone = await t
        .http()
        .put(`/api/household/members/${member.body.id}`)
        .set(bearer(child))
        .send({ name: '孙大爷', relation: '父亲', phone: '13600006666' })
        .expect(200);
      expect(samePhone.body.smsNotifications).toBe(true);
      const newPhone = await t
        .http()
        .put(`/api/household/members/${member.body.id}`)
        .set(bearer(child))
        .send({ name: '孙大爷', relation: '父亲', phone: '13600006677' })
        .expect(200);
      expect(newPhone.body.smsNotifications).toBe(false);
      // Staff changing the number and saying so in the same edit keep it on (they asked for consent to the new one).
      const staffNewPhone = await t
        .http()
        .put(`/api/staff/residents/${member.body.id}`)
        .set(bearer(staff))
        .send({ name: '孙大爷', communityId: ANDA, phone: '13600006688', phoneOwner: 'self', smsNotifications: true })
        .expect(200);
      expect(staffNewPhone.body.smsNotifications).toBe(true);
      const noPhone = await t.http().put(`/api/household/members/${member.body.id}`).set(bearer(child)).send({ name: '孙大爷', relation: '父亲', phone: null }).expect(200);
      expect(noPhone.body).toMatchObject({ phoneMasked: null, smsNotifications: false });
    });

    it('switch SMS on and off later without the full phone (the desk shows it masked); a record without a phone cannot have it', async () => {
      const staff = await loginWithPassword(t, 'anda.staff');
      const registered = await t
        .http()
        .post('/api/staff/residents')
        .set(bearer(staff))
        .send({ name: '郑奶奶', communityId: ANDA, phone: '13600007777', phoneOwner: 'relative' })
        .expect(201);
      const smsOf = (residentId: string) => `/api/staff/residents/${residentId}/sms-notifications`;

      const on = await t.http().put(smsOf(registered.body.id)).set(bearer(staff)).send({ enabled: true }).expect(200);
      expect(on.body).toMatchObject({ id: registered.body.id, name: '郑奶奶', phoneMasked: '136****7777', phoneOwner: 'relative', smsNotifications: true });
      const off = await t.http().put(smsOf(registered.body.id)).set(bearer(staff)).send({ enabled: false }).expect(200);
      expect(off.body.smsNotifications).toBe(false);
      // Switching to what it already is answers the same (a second tap, a retried request).
      await t.http().put(smsOf(registered.body.id)).set(bearer(staff)).send({ enabled: false }).expect(200);
      expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: registered.body.id })).smsNotifications).toBe(false);
      const audits = await t.dataSource
        .getRepository(AuditEntry)
        .find({ where: { targetId: registered.body.id, action: 'resident.updated_by_staff' }, order: { createdAt: 'ASC' } });
      expect(audits.map((entry) => [entry.actorAccountId, entry.details])).toEqual([
        [staff.account.id, { smsNotifications: true }],
        [staff.account.id, { smsNotifications: false }],
        [staff.account.id, { smsNotifications: false }],
      ]);

      // A household member added without a phone: nothing to text, so it stays off (and off is still fine to say).
      const child = await newResident('openid-sms-switch-child');
      await t.http().put('/api/me/profile').set(bearer(child)).send({ name: '郑明', communityId: ANDA }).expect(200);
      const member = await t.http().post('/api/household/members').set(bearer(child)).send({ name: '郑大爷', relation: '父亲', communityId: ANDA }).expect(201);
      const noPhone = await t.http().put(smsOf(member.body.id)).set(bearer(staff)).send({ enabled: true }).expect(409);
      expect(noPhone.body).toMatchObject({ code: 'SMS_NEEDS_PHONE', message: expect.stringContaining('手机号') });
      expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: member.body.id })).smsNotifications).toBe(false);
      await t.http().put(smsOf(member.body.id)).set(bearer(staff)).send({ enabled: false }).expect(200);

      // Another community's staff cannot reach her record; a resident has no staff route; the body is exactly { enabled }.
      const outsider = await loginWithPassword(t, 'nanping.staff');
      await t.http().put(smsOf(registered.body.id)).set(bearer(outsider)).send({ enabled: true }).expect(404);
      await t.http().put(smsOf(registered.body.id)).set(bearer(child)).send({ enabled: true }).expect(403);
      const extra = await t.http().put(smsOf(registered.body.id)).set(bearer(staff)).send({ enabled: true, phone: '13600008888' }).expect(400);
      expect(extra.body.details[0]).toMatchObject({ field: 'phone', constraints: ['whitelistValidation'] });
      const notBoolean = await t.http().put(smsOf(registered.body.id)).set(bearer(staff)).send({ enabled: 'yes' }).expect(400);
      expect(notBoolean.body.details[0]).toMatchObject({ field: 'enabled', constraints: ['isBoolean'] });
      await t.http().put(smsOf(registered.body.id)).set(bearer(staff)).send({}).expect(400);
      expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: registered.body.id })).smsNotifications).toBe(false);
    });

    it('add or correct a phone at the desk without the rest of the record: a member added without one, a number that changed', async () => {
      const staff = await loginWithPassword(t, 'anda.staff');
      const child = await newResident('openid-desk-phone-child');
      await t.http().put('/api/me/profile').set(bearer(child)).send({ name: '吴明', communityId: ANDA }).expect(200);
      const member = await t
        .http()
        .post('/api/household/members')
        .set(bearer(child))
        .send({ name: '吴大爷', relation: '父亲', communityId: ANDA, address: '肥西路 9 号' })
        .expect(201);
      const phoneOf = (residentId: string) => `/api/staff/residents/${residentId}/phone`;

      const added = await t.http().put(phoneOf(member.body.id)).set(bearer(staff)).send({ phone: '13600009911', phoneOwner: 'relative' }).expect(200);
      expect(added.body).toMatchObject({ id: member.body.id, name: '吴大爷', address: '肥西路 9 号', phoneMasked: '136****9911', phoneOwner: 'relative' });
      // Now there is a number to text, so SMS can be switched on; a corrected number switches it off again (the consent
      // was for the old one), as every other way of changing a phone does.
      await t.http().put(`/api/staff/residents/${member.body.id}/sms-notifications`).set(bearer(staff)).send({ enabled: true }).expect(200);
      const corrected = await t.http().put(phoneOf(member.body.id)).set(bearer(staff)).send({ phone: '13600009922', phoneOwner: 'self' }).expect(200);
      expect(corrected.body).toMatchObject({ phoneMasked: '136****9922', phoneOwner: 'self', smsNotifications: false });
      const found = await t.http().get('/api/staff/residents').set(bearer(staff)).query({ phone: '13600009922' }).expect(200);
      expect(found.body.items.map((r: { id: string }) => r.id)).toEqual([member.body.id]);

      const audits = await t.dataSource.getRepository(AuditEntry).find({ where: { targetId: member.body.id, action: 'resident.updated_by_staff' }, order: { createdAt: 'ASC' } });
      expect(audits.map((entry) => entry.details)).toEqual([
        { phoneChanged: true, phoneOwner: 'relative' },
        { smsNotifications: true },
        { phoneChanged: true, phoneOwner: 'self' },
      ]);
      expect(JSON.stringify(audits)).not.toMatch(/99(11|22)/);

      // Only staff of her region; exactly { phone, phoneOwner }, a real mobile number; nothing changes on a refusal.
      await t
        .http()
        .put(phoneOf(member.body.id))
        .set(bearer(await loginWithPassword(t, 'nanping.staff')))
        .send({ phone: '13600009933', phoneOwner: 'self' })
        .expect(404);
      await t.http().put(phoneOf(member.body.id)).set(bearer(child)).send({ phone: '13600009933', phoneOwner: 'self' }).expect(403);
      const notMobile = await t.http().put(phoneOf(member.body.id)).set(bearer(staff)).send({ phone: '0551-6510000', phoneOwner: 'self' }).expect(400);
      expect(notMobile.body.details[0]).toMatchObject({ field: 'phone' });
      await t.http().put(phoneOf(member.body.id)).set(bearer(staff)).send({ phone: '13600009933' }).expect(400);
      const extra = await t.http().put(phoneOf(member.body.id)).set(bearer(staff)).send({ phone: '13600009933', phoneOwner: 'self', name: '别人' }).expect(400);
      expect(extra.body.details[0]).toMatchObject({ field: 'name', constraints: ['whitelistValidation'] });
      expect((await t.http().get(`/api/staff/residents/${member.body.id}`).set(bearer(staff)).expect(200)).body).toMatchObject({ name: '吴大爷', phoneMasked: '136****9922' });
    });

    it('cannot register into, or move a resident to, a community outside the staff member’s region', async () => {
      const staff = await loginWithPassword(t, 'anda.staff');
      const nanping = stableId('region', '340111002001');
      await t.http().post('/api/staff/residents').set(bearer(staff)).send({ name: '外区居民', communityId: nanping, phone: '13600003333', phoneOwner: 'self' }).expect(404);
      const wang = stableId('resident', 'wang-xiuying');
      await t.http().put(`/api/staff/residents/${wang}`).set(bearer(staff)).send({ name: '王秀英', communityId: nanping, phone: '13805510001', phoneOwner: 'self' }).expect(404);
    });
  });

  it('the database refuses to change or delete audit entries (append-only)', async () => {
    const login = await newResident('openid-audited'); // signing in writes an entry
    const entry = await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ actorAccountId: login.account.id, action: 'auth.wechat_register' });
    await expect(t.dataSource.query('UPDATE audit_entry SET action = ? WHERE id = ?', ['tampered', entry.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_entry WHERE id = ?', [entry.id])).rejects.toThrow(/append-only/);
    expect(await t.dataSource.getRepository(AuditEntry).findOneByOrFail({ id: entry.id })).toMatchObject({ action: entry.action });
  });

  describe('export and deletion', () => {
    it('exports everything about the caller, with sensitive values masked', async () => {
      const li = await loginWithWechat(t, 'demo-openid-li-ming');
      const exported = await t.http().get('/api/me/export').set(bearer(li)).expect(200);
      expect(exported.body).toMatchObject({ account: { role: 'resident', displayName: '李明' }, profile: { name: '李明' }, household: [{ name: '李建国', relation: '父亲' }] });
      for (const person of DEMO_PEOPLE.filter((p) => p.key.startsWith('li-'))) {
        expect(JSON.stringify(exported.body)).not.toContain(person.idNumber);
        expect(JSON.stringify(exported.body)).not.toContain(person.phone);
      }
      expect(exported.body.activity.map((a: { action: string }) => a.action)).toContain('auth.wechat_login');
      // Nothing chosen yet reads as not chosen; once chosen on 我的, the export carries it.
      expect(exported.body.preferences).toEqual({ elderMode: null });
      await t.http().put('/api/me/preferences').set(bearer(li)).send({ elderMode: 'on' }).expect(200);
      expect((await t.http().get('/api/me/export').set(bearer(li)).expect(200)).body.preferences).toEqual({ elderMode: 'on' });
    });

    it('deletes the account: personal data erased, settings forgotten, sessions revoked, sign-in gone, audit kept', async () => {
      const login = await newResident('openid-leaving');
      const me = await t
        .http()
        .put('/api/me/profile')
        .set(bearer(login))
        .send({ name: '郑先生', idNumber: withCheck('34010419700707123'), communityId: ANDA })
        .expect(200);
      await t.http().post('/api/household/members').set(bearer(login)).send({ name: '郑老太', relation: '母亲' }).expect(201);
      await t.http().put('/api/me/preferences').set(bearer(login)).send({ elderMode: 'on' }).expect(200);
      await t.http().delete('/api/me').set(bearer(login)).expect(204);

      await t.http().get('/api/me').set(bearer(login)).expect(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken: login.tokens.refreshToken }).expect(401);
      const erased = await t.dataSource.getRepository(Resident).findOneByOrFail({ id: me.body.id });
      expect(erased).toMatchObject({ name: '已注销用户', idNumberCipher: null, idNumberHash: null, phoneCipher: null, birthDate: null, erasedAt: expect.any(Date) });
      expect(await t.dataSource.getRepository(Resident).countBy({ name: '郑老太' })).toBe(0);
      expect(await t.dataSource.getRepository(AuditEntry).countBy({ actorAccountId: login.account.id, action: 'account.erased' })).toBe(1);
      // The account row stays (disabled) for the history, so its settings row would outlive it without being deleted.
      expect(await t.dataSource.getRepository(AccountPreference).countBy({ accountId: login.account.id })).toBe(0);

      const again = await loginWithWechat(t, 'openid-leaving');
      expect(again.account.id).not.toBe(login.account.id);
      expect(again.account.consentRequired).toBe(true);
    });
  });
});
