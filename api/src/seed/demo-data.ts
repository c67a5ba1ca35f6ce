import type { RegionLevel } from '@linli/shared';

/**
 * Demo data: a real city's districts, streets and communities (合肥市), with citizen centres at plausible
 * addresses. Coordinates are GCJ-02 (what WeChat maps use), in millionths of a degree. Codes are stable keys: the
 * seed inserts what is missing by code, so running it again changes nothing.
 */
export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface DemoCentre {
  code: string;
  name: string;
  regionCode: string;
  address: string;
  phone: string;
  openingHours: string;
  latitudeE6: number;
  longitudeE6: number;
}

const WEEKDAY_HOURS = '周一至周五 8:30-12:00, 14:00-17:30';
const EXTENDED_HOURS = '周一至周六 8:30-18:00';

export const DEMO_REGIONS: DemoRegion[] = [
  { code: '340100', name: '合肥市', level: 'city', parentCode: null },
  { code: '340104', name: '蜀山区', level: 'district', parentCode: '340100' },
  { code: '340111', name: '包河区', level: 'district', parentCode: '340100' },
  { code: '340104001', name: '三里庵街道', level: 'street', parentCode: '340104' },
  { code: '340104002', name: '稻香村街道', level: 'street', parentCode: '340104' },
  { code: '340111001', name: '包公街道', level: 'street', parentCode: '340111' },
  { code: '340111002', name: '望湖街道', level: 'street', parentCode: '340111' },
  { code: '340104001001', name: '安大社区', level: 'community', parentCode: '340104001' },
  { code: '340104001002', name: '金寨路社区', level: 'community', parentCode: '340104001' },
  { code: '340104002001', name: '琥珀社区', level: 'community', parentCode: '340104002' },
  { code: '340104002002', name: '西园社区', level: 'community', parentCode: '340104002' },
  { code: '340111001001', name: '芜湖路社区', level: 'community', parentCode: '340111001' },
  { code: '340111002001', name: '南屏社区', level: 'community', parentCode: '340111002' },
  { code: '340111002002', name: '望湖城社区', level: 'community', parentCode: '340111002' },
];

export const DEMO_CENTRES: DemoCentre[] = [
  {
    code: 'C340104001',
    name: '三里庵街道市民中心',
    regionCode: '340104001',
    address: '合肥市蜀山区长江西路 179 号',
    phone: '0551-65101001',
    openingHours: EXTENDED_HOURS,
    latitudeE6: 31_849_120,
    longitudeE6: 117_253_860,
  },
  {
    code: 'C340104001001',
    name: '安大社区市民中心',
    regionCode: '340104001001',
    address: '合肥市蜀山区肥西路 3 号安大东区北门旁',
    phone: '0551-65101011',
    openingHours: WEEKDAY_HOURS,
    latitudeE6: 31_844_370,
    longitudeE6: 117_262_190,
  },
  {
    code: 'C340104001002',
    name: '金寨路社区市民中心',
    regionCode: '340104001002',
    address: '合肥市蜀山区金寨路 162 号',
    phone: '0551-65101012',
    openingHours: WEEKDAY_HOURS,
    latitudeE6: 31_846_960,
    longitudeE6: 117_268_540,
  },
  {
    code: 'C340104002001',
    name: '琥珀社区市民中心',
    regionCode: '340104002001',
    address: '合肥市蜀山区琥珀山庄南村 12 栋',
    phone: '0551-65102021',
    openingHours: EXTENDED_HOURS,
    latitudeE6: 31_865_040,
    longitudeE6: 117_259_300,
  },
  {
    code: 'C340104002002',
    name: '西园社区市民中心',
    regionCode: '340104002002',
    address: '合肥市蜀山区西园路 88 号',
    phone: '0551-65102022',
    openingHours: WEEKDAY_HOURS,
    latitudeE6: 31_870_210,
    longitudeE6: 117_247_880,
  },
  {
    code: 'C340111001001',
    name: '芜湖路社区市民中心',
    regionCode: '340111001001',
    address: '合肥市包河区芜湖路 258 号',
    phone: '0551-63301011',
    openingHours: WEEKDAY_HOURS,
    latitudeE6: 31_855_610,
    longitudeE6: 117_292_470,
  },
  {
    code: 'C340111002',
    name: '望湖街道市民中心',
    regionCode: '340111002',
    address: '合肥市包河区望湖城南区 6 号',
    phone: '0551-63302001',
    openingHours: EXTENDED_HOURS,
    latitudeE6: 31_802_530,
    longitudeE6: 117_294_960,
  },
  {
    code: 'C340111002001',
    name: '南屏社区市民中心',
    regionCode: '340111002001',
    address: '合肥市包河区南屏路 35 号',
    phone: '0551-63302011',
    openingHours: WEEKDAY_HOURS,
    latitudeE6: 31_808_820,
    longitudeE6: 117_289_150,
  },
];
