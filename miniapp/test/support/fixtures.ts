import type { CategoryWithServices, CentreSummary, CommunitySummary, ServiceDetail, ServiceSummary } from '@linli/shared';

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

const serviceOf = (overrides: Partial<ServiceSummary> & Pick<ServiceSummary, 'id' | 'name' | 'mode'>): ServiceSummary => ({
  code: overrides.id,
  dispatchMode: 'assign',
  offerWindowSeconds: 90,
  needsReview: false,
  description: `${overrides.name}的说明`,
  materials: [],
  minAge: null,
  maxActiveBookingsPerPerson: 2,
  ...overrides,
});

export const mediationService = serviceOf({
  id: 'svc-mediation',
  name: '人民调解',
  mode: 'visit',
  needsReview: true,
  description: '邻里纠纷、家庭矛盾，由专职人民调解员帮您调解。',
  materials: ['本人身份证', '与纠纷有关的材料（如有）'],
});

export const dayCareService = serviceOf({
  id: 'svc-day-care',
  name: '老年日间照料',
  mode: 'visit',
  description: '白天在中心休息、用餐和活动，傍晚回家。',
  materials: ['本人身份证'],
  minAge: 60,
});

export const homeCareService = serviceOf({ id: 'svc-home-care', name: '居家养老上门服务', mode: 'home', minAge: 60 });

/** Three of the eight categories: one plain, one with age rules and a home service, one still empty. */
export const catalogueFixture: CategoryWithServices[] = [
  {
    id: 'cat-self-governance',
    code: 'self_governance',
    name: '居民自治服务',
    services: [serviceOf({ id: 'svc-council-hall', name: '议事厅预约', mode: 'venue' }), mediationService],
  },
  { id: 'cat-special-groups', code: 'special_groups', name: '特殊群体服务', services: [dayCareService, homeCareService] },
  { id: 'cat-social-orgs', code: 'social_organisations', name: '社会组织服务', services: [] },
];

export function serviceDetailOf(service: ServiceSummary, centres: ServiceDetail['centres'] = []): ServiceDetail {
  const category = catalogueFixture.find((item) => item.services.includes(service))!;
  return { ...service, categoryId: category.id, categoryName: category.name, centres };
}

export const mediationDetail = serviceDetailOf(mediationService, [
  {
    centreId: 'centre-yangguang',
    centreName: '阳光社区市民中心',
    address: '东湖路 88 号',
    regionId: 'c-yangguang',
    regionName: '阳光社区',
    latitude: 30.5468,
    longitude: 114.3612,
    notes: '每周三下午调解员在岗',
  },
  {
    centreId: 'centre-heping',
    centreName: '和平社区市民中心',
    address: '中南路 12 号',
    regionId: 'c-heping',
    regionName: '和平社区',
    latitude: 30.53,
    longitude: 114.33,
    notes: null,
  },
]);
