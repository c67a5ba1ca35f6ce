import type { CentreSummary, CommunitySummary } from '@linli/shared';

export const communitiesFixture: CommunitySummary[] = [
  { id: 'c-yangguang', name: '阳光社区', streetName: '东湖街道', districtName: '武昌区', centreCount: 1 },
  { id: 'c-heping', name: '和平社区', streetName: '中南街道', districtName: '武昌区', centreCount: 2 },
];

export const centresFixture: CentreSummary[] = [
  {
    id: 'centre-yangguang',
    name: '阳光社区市民中心',
    address: '东湖路 88 号',
    phone: '027-8888-0001',
    openingHours: '周一至周六 8:30-17:30',
    latitude: 30.5468,
    longitude: 114.3612,
    regionId: 'c-yangguang',
    regionName: '阳光社区',
    regionLevel: 'community',
  },
];
