import { In, type EntityManager } from 'typeorm';
import { ALWAYS_OPEN, cellNumberOf, openHoursMask, type IsoWeekday, type OutletElderFeature, type OutletHours, type OutletKind } from '@linli/shared';
import { Outlet } from '../modules/outlets/outlet.entity';
import { stableId } from './stable-id';

const every = (ranges: Array<{ start: string; end: string }>, weekdays: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]): OutletHours => ({
  weekly: weekdays.map((weekday) => ({ weekday, ranges })),
  dated: [],
});

interface DemoOutlet {
  key: string;
  name: string;
  kind: OutletKind;
  communityCode: string;
  address: string;
  latitudeE6: number;
  longitudeE6: number;
  phone: string;
  hours: OutletHours;
  services: string[];
  elderFeatures: OutletElderFeature[];
}

/**
 * Convenience outlets around the demo communities (安大, 金寨路 and 南屏), a few kinds each, so the 便民 list, the
 * map and the coverage view have something real to show; every community still misses some kinds on purpose.
 */
export const DEMO_OUTLETS: DemoOutlet[] = [
  {
    key: 'anda-breakfast',
    name: '安大老王早餐',
    kind: 'breakfast',
    communityCode: '340104001001',
    address: '蜀山区肥西路 5 号',
    latitudeE6: 31_845_100,
    longitudeE6: 117_262_500,
    phone: '0551-65100001',
    hours: every([{ start: '06:00', end: '10:30' }]),
    services: ['豆浆', '油条', '包子'],
    elderFeatures: ['senior_discount'],
  },
  {
    key: 'anda-store',
    name: '邻里便利店（安大店）',
    kind: 'supermarket',
    communityCode: '340104001001',
    address: '蜀山区肥西路 9 号',
    latitudeE6: 31_843_600,
    longitudeE6: 117_263_400,
    phone: '0551-65100002',
    hours: ALWAYS_OPEN,
    services: ['日用品', '代收快递'],
    elderFeatures: ['home_delivery', 'accessible_entrance'],
  },
  {
    key: 'anda-vegetables',
    name: '安大生鲜菜店',
    kind: 'vegetable_shop',
    communityCode: '340104001001',
    address: '蜀山区肥西路 11 号',
    latitudeE6: 31_846_300,
    longitudeE6: 117_260_800,
    phone: '0551-65100003',
    hours: every([
      { start: '06:30', end: '12:00' },
      { start: '15:00', end: '19:30' },
    ]),
    services: ['蔬菜', '水果', '鲜肉'],
    elderFeatures: ['home_delivery'],
  },
  {
    key: 'anda-barber',
    name: '老街坊理发',
    kind: 'hair_beauty',
    communityCode: '340104001001',
    address: '蜀山区肥西路 15 号',
    latitudeE6: 31_844_800,
    longitudeE6: 117_264_100,
    phone: '0551-65100004',
    hours: every([{ start: '08:30', end: '18:00' }], [2, 3, 4, 5, 6, 7]),
    services: ['理发', '上门理发'],
    elderFeatures: ['senior_discount'],
  },
  {
    key: 'jinzhai-pharmacy',
    name: '百姓大药房（金寨路店）',
    kind: 'pharmacy',
    communityCode: '340104001002',
    address: '蜀山区金寨路 160 号',
    latitudeE6: 31_847_200,
    longitudeE6: 117_268_100,
    phone: '0551-65100005',
    hours: every([{ start: '08:00', end: '22:00' }]),
    services: ['处方药', '医保刷卡', '量血压'],
    elderFeatures: ['accessible_entrance'],
  },
  {
    key: 'jinzhai-bank',
    name: '工商银行金寨路支行',
    kind: 'bank',
    communityCode: '340104001002',
    address: '蜀山区金寨路 168 号',
    latitudeE6: 31_846_400,
    longitudeE6: 117_269_300,
    phone: '0551-65100006',
    hours: every([{ start: '09:00', end: '17:00' }], [1, 2, 3, 4, 5]),
    services: ['存取款', '社保卡'],
    elderFeatures: ['accessible_entrance'],
  },
  {
    key: 'jinzhai-repair',
    name: '张师傅家电维修',
    kind: 'repair',
    communityCode: '340104001002',
    address: '蜀山区金寨路 172 号',
    latitudeE6: 31_847_800,
    longitudeE6: 117_267_600,
    phone: '0551-65100007',
    hours: every([
      { start: '08:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]),
    services: ['家电维修', '修鞋', '配钥匙'],
    elderFeatures: [],
  },
  {
    key: 'jinzhai-night',
    name: '深夜食杂店',
    kind: 'grocery',
    communityCode: '340104001002',
    address: '蜀山区金寨路 180 号',
    latitudeE6: 31_848_100,
    longitudeE6: 117_268_900,
    phone: '0551-65100008',
    hours: every([{ start: '18:00', end: '02:00' }]),
    services: ['零食', '饮料'],
    elderFeatures: [],
  },
  {
    key: 'nanping-breakfast',
    name: '南屏早点铺',
    kind: 'breakfast',
    communityCode: '340111002001',
    address: '包河区南屏路 20 号',
    latitudeE6: 31_801_300,
    longitudeE6: 117_303_400,
    phone: '0551-65100009',
    hours: every([{ start: '05:30', end: '10:00' }]),
    services: ['馄饨', '煎饺'],
    elderFeatures: ['senior_discount'],
  },
  {
    key: 'nanping-recycling',
    name: '南屏再生资源回收点',
    kind: 'recycling',
    communityCode: '340111002001',
    address: '包河区南屏路 26 号',
    latitudeE6: 31_800_600,
    longitudeE6: 117_304_200,
    phone: '0551-65100010',
    hours: every([{ start: '08:00', end: '17:00' }], [1, 3, 5, 6]),
    services: ['纸板', '旧衣物', '家电回收'],
    elderFeatures: ['home_delivery'],
  },
];

export const demoOutletId = (key: string) => stableId('outlet', key);

/** Inserts the demo outlets that are missing (by stable id), verified on the day they are seeded. */
export async function seedDemoOutlets(manager: EntityManager, idByCode: Map<string, string>, today: string): Promise<void> {
  const outlets = manager.getRepository(Outlet);
  const existing = new Set((await outlets.find({ select: { id: true }, where: { id: In(DEMO_OUTLETS.map((outlet) => demoOutletId(outlet.key))) } })).map((outlet) => outlet.id));
  const missing = DEMO_OUTLETS.filter((outlet) => !existing.has(demoOutletId(outlet.key)));
  if (missing.length === 0) return;
  await outlets.insert(
    missing.map(({ key, communityCode, ...outlet }) => ({
      ...outlet,
      id: demoOutletId(key),
      regionId: idByCode.get(communityCode)!,
      cell: cellNumberOf(outlet.latitudeE6, outlet.longitudeE6),
      openHoursMask: openHoursMask(outlet.hours),
      photoUrls: [],
      verifiedOn: today,
    })),
  );
}
