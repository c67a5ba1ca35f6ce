import type { ApiErrorCode } from '@linli/shared';

/** The one table from error code to HTTP status. Exhaustive: a new code fails to compile until it is mapped. */
export const HTTP_STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  TOKEN_INVALID: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  REFRESH_TOKEN_REUSED: 401,
  CONSENT_REQUIRED: 403,
  INVITATION_INVALID: 400,
  ID_NUMBER_TAKEN: 409,
  SMS_NEEDS_PHONE: 409,
  WECHAT_CODE_INVALID: 400,
  WECHAT_RATE_LIMITED: 429,
  WECHAT_USER_BLOCKED: 403,
  WECHAT_UNAVAILABLE: 503,
  SLOT_UNAVAILABLE: 409,
  SLOT_FULL: 409,
  ALREADY_BOOKED: 409,
  BOOKING_LIMIT_REACHED: 409,
  NOT_ELIGIBLE: 409,
  INVALID_TRANSITION: 409,
  CANCEL_TOO_LATE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  CHECK_IN_CODE_INVALID: 400,
  WRONG_CENTRE: 409,
  WRONG_DAY: 409,
  BOOKING_RESTRICTED: 409,
  OFFER_EXPIRED: 409,
  ORDER_TAKEN: 409,
  WORKER_AT_CAPACITY: 409,
  WORKER_OFFLINE: 409,
  ALREADY_RATED: 409,
  SET_OUT_TOO_EARLY: 409,
  CALL_UNAVAILABLE: 409,
  MEAL_NOT_OFFERED: 409,
  MEAL_SOLD_OUT: 409,
  MEAL_POINT_FULL: 409,
  MEAL_ORDER_CUT_OFF: 409,
  MEAL_MENU_HAS_ORDERS: 409,
  MEAL_ALREADY_COLLECTED: 409,
  PICKUP_CODE_INVALID: 400,
  BALANCE_INSUFFICIENT: 422,
  MEAL_SUBSIDY_RULE_INVALID: 422,
  MEAL_SUBSIDY_RULE_IN_FORCE: 409,
  WECHAT_PAY_UNAVAILABLE: 503,
  WECHAT_PAY_SIGNATURE_INVALID: 401,
  OUTLET_IMPORT_INVALID: 422,
};

/** Default Chinese messages for codes raised by the framework rather than by a service. */
export const DEFAULT_MESSAGE_BY_CODE: Record<ApiErrorCode, string> = {
  VALIDATION_FAILED: '提交的内容不符合要求',
  MALFORMED_BODY: '请求内容格式错误',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '请求的内容不存在',
  METHOD_NOT_ALLOWED: '不支持该请求方式',
  CONFLICT: '操作冲突，请刷新后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  URI_TOO_LONG: '请求地址过长',
  HEADERS_TOO_LARGE: '请求头过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型，请使用 JSON',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL_ERROR: '服务暂时出现问题，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂不可用，请稍后再试',
  TOKEN_INVALID: '登录已失效，请重新登录',
  INVALID_CREDENTIALS: '账号或密码错误',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  REFRESH_TOKEN_REUSED: '登录状态异常，请重新登录',
  CONSENT_REQUIRED: '请先阅读并同意隐私政策',
  INVITATION_INVALID: '邀请码无效或已过期',
  ID_NUMBER_TAKEN: '该身份证号已登记',
  SMS_NEEDS_PHONE: '没有登记手机号，不能开通短信提醒',
  WECHAT_CODE_INVALID: '微信登录凭证无效，请重新登录',
  WECHAT_RATE_LIMITED: '登录过于频繁，请稍后再试',
  WECHAT_USER_BLOCKED: '该微信账号存在风险，暂时无法登录',
  WECHAT_UNAVAILABLE: '微信服务暂不可用，请稍后再试',
  SLOT_UNAVAILABLE: '该时段不可预约',
  SLOT_FULL: '该时段已约满',
  ALREADY_BOOKED: '已预约过该时段',
  BOOKING_LIMIT_REACHED: '预约数量已达上限',
  NOT_ELIGIBLE: '不符合该服务的预约条件',
  INVALID_TRANSITION: '当前状态下不能进行该操作',
  CANCEL_TOO_LATE: '已过取消时间',
  IDEMPOTENCY_KEY_REUSED: '重复提交的请求内容不一致',
  CHECK_IN_CODE_INVALID: '签到码无效或已过期',
  WRONG_CENTRE: '该预约不在本市民中心',
  WRONG_DAY: '该预约不是今天的',
  BOOKING_RESTRICTED: '多次预约未到场，暂时不能在线预约',
  OFFER_EXPIRED: '接单时间已过，订单已转派',
  ORDER_TAKEN: '已被其他服务人员接单',
  WORKER_AT_CAPACITY: '未完成的订单已达上限',
  WORKER_OFFLINE: '请先上线再接单',
  ALREADY_RATED: '该订单已评价',
  SET_OUT_TOO_EARLY: '还没到出发的时间',
  CALL_UNAVAILABLE: '现在不能拨打对方电话',
  MEAL_NOT_OFFERED: '该餐次暂不供应',
  MEAL_SOLD_OUT: '菜品已售完',
  MEAL_POINT_FULL: '该餐次已订满',
  MEAL_ORDER_CUT_OFF: '已过订餐截止时间',
  MEAL_MENU_HAS_ORDERS: '该餐次已有订单，不能整餐替换',
  MEAL_ALREADY_COLLECTED: '该餐已取',
  PICKUP_CODE_INVALID: '取餐码无效或已过期',
  BALANCE_INSUFFICIENT: '助餐余额不足',
  MEAL_SUBSIDY_RULE_INVALID: '补贴规则不符合要求',
  MEAL_SUBSIDY_RULE_IN_FORCE: '该版本已生效，不能修改或撤回',
  WECHAT_PAY_UNAVAILABLE: '微信支付暂不可用，请稍后再试',
  WECHAT_PAY_SIGNATURE_INVALID: '通知签名无效',
  OUTLET_IMPORT_INVALID: '导入文件有误，未导入任何网点',
};

/** HTTP status → code, for errors that arrive as a bare status (Nest's built-in exceptions, Fastify errors). */
export function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 414:
      return 'URI_TOO_LONG';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED';
  }
}
