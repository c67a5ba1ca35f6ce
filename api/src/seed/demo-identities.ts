import { idNumberCheckCharacter, type HouseholdRelation, type ProviderKind, type Role } from '@linli/shared';

/**
 * Demo people and accounts, offered by the H5 demo login. Every id is stable (stableId of the key) so the seed
 * is idempotent and demo links keep working. Passwords are for the demo only and printed in the README.
 */
export const DEMO_PASSWORD = 'Linli@2026';

const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;

export interface DemoPerson {
  key: string;
  name: string;
  phone: string | null;
  phoneOwner: 'self' | 'relative' | null;
  idNumber: string | null;
  address: string;
  communityCode: string;
}

export interface DemoAccountSeed {
  key: string;
  role: Role;
  displayName: string;
  description: string;
  /** Staff/admin scope or provider admin's provider region, by region code. */
  regionCode?: string;
  providerKey?: string;
  personKey?: string;
  username?: string;
  /** WeChat-identified accounts sign in through the (fake) WeChat login with this openid. */
  openid?: string;
  consented?: boolean;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'wang-xiuying',
    name: '王秀英',
    phone: '13805510001',
    phoneOwner: 'self',
    idNumber: withCheck('34010419480312002'),
    address: '蜀山区肥西路 3 号院 5 栋 201',
    communityCode: '340104001001',
  },
  {
    key: 'li-ming',
    name: '李明',
    phone: '13805510002',
    phoneOwner: 'self',
    idNumber: withCheck('34010419780506001'),
    address: '蜀山区金寨路 162 号 2 栋 1102',
    communityCode: '340104001002',
  },
  // 李明's father: no phone of his own; the number is his son's.
  {
    key: 'li-jianguo',
    name: '李建国',
    phone: '13805510002',
    phoneOwner: 'relative',
    idNumber: withCheck('34010419460918001'),
    address: '蜀山区肥西路 3 号院 2 栋 102',
    communityCode: '340104001001',
  },
  {
    key: 'sun-guilan',
    name: '孙桂兰',
    phone: '13905510003',
    phoneOwner: 'self',
    idNumber: withCheck('34011119500101002'),
    address: '包河区南屏路 35 号 1 栋 301',
    communityCode: '340111002001',
  },
];

export const DEMO_HOUSEHOLD: Array<{ proxyKey: string; memberKey: string; relation: HouseholdRelation }> = [{ proxyKey: 'li-ming', memberKey: 'li-jianguo', relation: '父亲' }];

export interface DemoProvider {
  key: string;
  name: string;
  regionCode: string;
  kind: ProviderKind;
  /** An application still waiting for staff, so the demo's 服务机构审核 page has one to decide. */
  application?: { applicantAccountKey: string; contactName: string; contactPhone: string; creditCode: string };
}

export const DEMO_PROVIDERS: DemoProvider[] = [
  { key: 'anxin', name: '安心家政服务有限公司', regionCode: '340104', kind: 'housekeeping' },
  // Its meal point and menus are seeded by demo-meals.ts.
  { key: 'anda-canteen', name: '安大社区长者食堂', regionCode: '340104', kind: 'canteen' },
  {
    key: 'kangle',
    name: '康乐居家养老服务社',
    regionCode: '340104001001',
    kind: 'care',
    application: { applicantAccountKey: 'resident-li', contactName: '李明', contactPhone: '13805510002', creditCode: '91340104MA2NK6LE0X' },
  },
];

export const DEMO_WORKERS = [
  { key: 'zhao', providerKey: 'anxin', name: '赵师傅', phone: '13705510009', accountKey: 'worker-zhao' },
  // The canteen's own delivery worker: carries its meal-delivery runs (decision 0015), no home services.
  { key: 'sun', providerKey: 'anda-canteen', name: '孙师傅', phone: '13705510010', accountKey: 'worker-sun' },
];

export const DEMO_ACCOUNTS: DemoAccountSeed[] = [
  {
    key: 'resident-wang',
    role: 'resident',
    displayName: '王秀英',
    description: '居民 · 安大社区 · 78 岁，自己使用微信',
    personKey: 'wang-xiuying',
    openid: 'demo-openid-wang-xiuying',
    consented: true,
  },
  {
    key: 'resident-li',
    role: 'resident',
    displayName: '李明',
    description: '居民 · 金寨路社区 · 代父亲李建国办事',
    personKey: 'li-ming',
    openid: 'demo-openid-li-ming',
    consented: true,
  },
  {
    key: 'resident-sun',
    role: 'resident',
    displayName: '孙桂兰',
    description: '居民 · 南屏社区（包河区）',
    personKey: 'sun-guilan',
    openid: 'demo-openid-sun-guilan',
    consented: true,
  },
  { key: 'staff-anda', role: 'staff', displayName: '张敏', description: '社区工作人员 · 安大社区', regionCode: '340104001001', username: 'anda.staff' },
  { key: 'staff-sanlian', role: 'staff', displayName: '陈刚', description: '街道工作人员 · 三里庵街道', regionCode: '340104001', username: 'sanlian.staff' },
  { key: 'staff-nanping', role: 'staff', displayName: '周丽', description: '社区工作人员 · 南屏社区（包河区）', regionCode: '340111002001', username: 'nanping.staff' },
  { key: 'admin-shushan', role: 'admin', displayName: '刘洋', description: '区级管理员 · 蜀山区', regionCode: '340104', username: 'shushan.admin' },
  { key: 'admin-city', role: 'admin', displayName: '市级管理员', description: '市级管理员 · 合肥市', regionCode: '340100', username: 'city.admin' },
  { key: 'provider-anxin', role: 'provider_admin', displayName: '安心家政管理员', description: '服务机构管理员 · 安心家政', providerKey: 'anxin', username: 'anxin.admin' },
  {
    key: 'provider-kangle',
    role: 'provider_admin',
    displayName: '康乐居家养老服务社管理员',
    description: '服务机构管理员 · 康乐养老（入驻申请待安大社区审核）',
    providerKey: 'kangle',
    username: 'kangle.admin',
  },
  {
    key: 'provider-anda-canteen',
    role: 'provider_admin',
    displayName: '长者食堂管理员',
    description: '社区食堂管理员 · 安大社区长者食堂',
    providerKey: 'anda-canteen',
    username: 'anda.canteen',
  },
  { key: 'worker-zhao', role: 'worker', displayName: '赵师傅', description: '服务人员 · 安心家政', providerKey: 'anxin', openid: 'demo-openid-worker-zhao' },
  { key: 'worker-sun', role: 'worker', displayName: '孙师傅', description: '送餐员 · 安大社区长者食堂', providerKey: 'anda-canteen', openid: 'demo-openid-worker-sun' },
];
