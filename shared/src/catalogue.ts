import type { DispatchMode } from './dispatch';
/**
 * The city plan's 22 community services in eight categories. Codes are stable identifiers (seeded once, referenced
 * by bookings and statistics); names and texts may be edited by staff, codes never change.
 */

/** How a service is delivered, which decides how it is booked. */
export const SERVICE_MODES = ['visit', 'venue', 'class', 'home'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const SERVICE_MODE_LABELS: Record<ServiceMode, string> = {
  visit: '到窗口办理',
  venue: '场地预约',
  class: '课程/活动报名',
  home: '上门服务',
};

export interface CatalogueServiceSeed {
  code: string;
  name: string;
  mode: ServiceMode;
  /** Staff must confirm each booking before it counts. */
  needsReview: boolean;
}

export interface CatalogueCategorySeed {
  code: string;
  name: string;
  services: CatalogueServiceSeed[];
}

const service = (code: string, name: string, mode: ServiceMode, needsReview = false): CatalogueServiceSeed => ({ code, name, mode, needsReview });

export const SERVICE_CATALOGUE: CatalogueCategorySeed[] = [
  {
    code: 'self_governance',
    name: '居民自治服务',
    services: [service('council_hall', '议事厅预约', 'venue'), service('mediation', '人民调解', 'visit', true), service('resident_petition', '居民诉求与建议', 'visit')],
  },
  {
    code: 'party_government',
    name: '党团政务代理',
    services: [
      service('party_member_report', '党员到社区报到', 'visit'),
      service('party_relation_transfer', '党团组织关系转接', 'visit'),
      service('government_errands', '政务事项代办', 'visit'),
    ],
  },
  {
    code: 'social_affairs',
    name: '社会事务代理',
    services: [
      service('social_insurance', '社保医保代办', 'visit'),
      service('employment', '就业登记与援助', 'visit'),
      service('social_assistance', '社会救助申请', 'visit', true),
      service('migrant_registration', '流动人口居住登记', 'visit'),
    ],
  },
  {
    code: 'culture_sports',
    name: '文体娱乐服务',
    services: [service('activity_room', '文化活动室预约', 'venue'), service('sports_venue', '体育场地预约', 'venue'), service('community_course', '社区教育课程', 'class')],
  },
  {
    code: 'special_groups',
    name: '特殊群体服务',
    services: [
      service('elder_day_care', '老年日间照料', 'visit'),
      service('home_elder_care', '居家养老上门服务', 'home'),
      service('disability_rehab', '残疾人康复服务', 'visit'),
      service('after_school_class', '未成年人四点半课堂', 'class'),
    ],
  },
  {
    code: 'volunteering',
    name: '爱心志愿服务',
    services: [service('volunteer_activity', '志愿活动报名', 'class'), service('neighbour_help', '邻里互助求助', 'home')],
  },
  {
    code: 'convenience',
    name: '便民利民服务',
    services: [service('home_cleaning', '家政保洁上门', 'home'), service('home_repair', '家电水电维修上门', 'home')],
  },
  {
    code: 'social_organisations',
    name: '社会组织服务',
    services: [service('social_org_consulting', '社会组织备案与孵化咨询', 'visit', true)],
  },
];

/** A service as clients list it. */
export interface ServiceSummary {
  id: string;
  code: string;
  name: string;
  mode: ServiceMode;
  /** Home services: `assign` (offered to the best worker) or `grab` (a pool for the first taker). */
  dispatchMode: DispatchMode;
  /** Home services: seconds a worker has to accept an offer. */
  offerWindowSeconds: number;
  needsReview: boolean;
  description: string;
  /** What to bring, one item per line. */
  materials: string[];
  /** Minimum age to book, when the service has one (e.g. 60 for day care). */
  minAge: number | null;
  /** Most active bookings one person may hold for this service (stops slot hoarding). */
  maxActiveBookingsPerPerson: number;
}

export interface CategoryWithServices {
  id: string;
  code: string;
  name: string;
  services: ServiceSummary[];
}

/** A service's full page: what it is, what to bring, and the centres where it can be booked now. */
export interface ServiceDetail extends ServiceSummary {
  categoryId: string;
  categoryName: string;
  /** Coordinates are GCJ-02 (sort by distance from Taro.getLocation({ type: 'gcj02' })); regionId to find "my community". */
  centres: Array<{ centreId: string; centreName: string; address: string; regionId: string; regionName: string; latitude: number; longitude: number; notes: string | null }>;
}

/** Whether a centre offers a service, with the centre's own note to residents. */
export interface CentreServiceSetting {
  centreId: string;
  serviceId: string;
  enabled: boolean;
  notes: string | null;
}

/** The centre a booking form starts with: the one asked for when it offers the service, else the only one, else none. */
export function initialCentreId(service: Pick<ServiceDetail, 'centres'>, preferredCentreId?: string): string | null {
  if (preferredCentreId && service.centres.some((centre) => centre.centreId === preferredCentreId)) return preferredCentreId;
  return service.centres.length === 1 ? service.centres[0].centreId : null;
}
