import type { ServiceMode, WeeklyOpening } from '@linli/shared';

/**
 * Texts for the 22 services (the codes, names and modes come from SERVICE_CATALOGUE in @linli/shared). Written for
 * residents: what the service is, what to bring, who may book. City admins can edit them later.
 */
export interface ServiceTexts {
  description: string;
  materials: string[];
  minAge?: number;
  maxActiveBookingsPerPerson?: number;
}

const ID_CARD = '本人身份证';

export const DEMO_SERVICE_TEXTS: Record<string, ServiceTexts> = {
  council_hall: { description: '居民议事厅可供楼栋议事、居民协商使用，每次最多 2 小时。', materials: ['预约人身份证', '议事主题说明'], maxActiveBookingsPerPerson: 2 },
  mediation: { description: '邻里纠纷、家庭矛盾由专职人民调解员免费调解，工作人员确认后安排时间。', materials: [ID_CARD, '纠纷情况简要说明及相关材料'] },
  resident_petition: { description: '对社区环境、物业、公共设施等提出诉求和建议，当面登记并跟踪答复。', materials: [ID_CARD] },
  party_member_report: { description: '在职党员到居住地社区报到，登记后参加社区志愿服务。', materials: [ID_CARD, '党员证明或组织关系介绍信'] },
  party_relation_transfer: { description: '党团组织关系转入、转出社区党组织的办理与咨询。', materials: [ID_CARD, '组织关系介绍信'] },
  government_errands: { description: '户籍、证照、补贴等政务事项的咨询与代办，减少来回跑。', materials: [ID_CARD, '户口簿', '办理事项所需材料'] },
  social_insurance: { description: '城乡居民养老保险、医疗保险参保登记、缴费和待遇查询。', materials: [ID_CARD, '社保卡'] },
  employment: { description: '失业登记、就业困难人员认定、岗位推荐和技能培训报名。', materials: [ID_CARD, '户口簿', '学历或技能证书'] },
  social_assistance: { description: '最低生活保障、特困供养、临时救助的申请受理，工作人员审核后安排面谈。', materials: [ID_CARD, '户口簿', '家庭收入及财产证明'] },
  migrant_registration: { description: '来本市居住的流动人口办理居住登记、居住证申领。', materials: [ID_CARD, '租房合同或房产证明', '近期一寸照片'] },
  activity_room: { description: '社区文化活动室可用于书画、合唱、棋牌等活动，每次 1 小时。', materials: ['预约人身份证'], maxActiveBookingsPerPerson: 2 },
  sports_venue: { description: '社区乒乓球室、门球场预约使用，每次 1 小时。', materials: ['预约人身份证'], maxActiveBookingsPerPerson: 2 },
  community_course: { description: '智能手机使用、健康养生、书法绘画等社区教育课程，名额有限。', materials: [ID_CARD] },
  elder_day_care: { description: '为 60 岁以上老人提供日间托老、午餐、休息和文娱活动。', materials: [ID_CARD, '老年优待证（如有）'], minAge: 60 },
  home_elder_care: { description: '助洁、助浴、助医、陪护等居家养老上门服务，由服务机构派人上门。', materials: ['服务地址', '老人身份证'], minAge: 60 },
  disability_rehab: { description: '残疾人康复训练、辅具适配和康复咨询。', materials: [ID_CARD, '残疾人证'] },
  after_school_class: { description: '放学后 16:30 起的课后看护、作业辅导和兴趣活动，面向社区中小学生。', materials: ['家长身份证', '孩子学生证'] },
  volunteer_activity: { description: '报名参加社区志愿服务活动，服务时长计入志愿者记录。', materials: [ID_CARD] },
  neighbour_help: { description: '生活中遇到困难可发起邻里互助求助，由志愿者上门帮忙。', materials: ['求助地址', '需要帮助的事项'] },
  home_cleaning: { description: '日常保洁、深度清洁等家政服务，由认证服务机构上门。', materials: ['服务地址'] },
  home_repair: { description: '家电、水电、门窗等维修，由认证服务机构上门。', materials: ['服务地址', '故障情况描述'] },
  social_org_consulting: { description: '社区社会组织备案、孵化和能力建设咨询，工作人员确认后安排时间。', materials: ['负责人身份证', '组织章程或简介'] },
};

/** Demo opening hours by how a service is delivered (home services are dispatched, not booked into slots). */
export const DEMO_WEEKLY_OPENINGS: Record<Exclude<ServiceMode, 'home'>, WeeklyOpening[]> = {
  visit: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
    weekday,
    ranges: [
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ],
    slotMinutes: 30,
    seats: 3,
  })),
  venue: ([1, 2, 3, 4, 5, 6] as const).map((weekday) => ({
    weekday,
    ranges: [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:00' },
    ],
    slotMinutes: 60,
    seats: 1,
  })),
  class: ([3, 6] as const).map((weekday) => ({ weekday, ranges: [{ start: '09:00', end: '11:00' }], slotMinutes: 120, seats: 20 })),
};

/** Default cap on active bookings one person may hold for a service. */
export const DEFAULT_MAX_ACTIVE_BOOKINGS = 3;
