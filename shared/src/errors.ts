/**
 * Error codes the API returns in its one error body. They are part of the public contract:
 * clients branch on `code`, never on `message` (which is Chinese text meant for people).
 */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_BODY',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  // identity and access
  'TOKEN_INVALID',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'REFRESH_TOKEN_REUSED',
  'CONSENT_REQUIRED',
  'INVITATION_INVALID',
  'ID_NUMBER_TAKEN',
  'SMS_NEEDS_PHONE',
  'WECHAT_CODE_INVALID',
  'WECHAT_RATE_LIMITED',
  'WECHAT_USER_BLOCKED',
  'WECHAT_UNAVAILABLE',
  // appointments
  'SLOT_UNAVAILABLE',
  'SLOT_FULL',
  'ALREADY_BOOKED',
  'BOOKING_LIMIT_REACHED',
  'NOT_ELIGIBLE',
  'INVALID_TRANSITION',
  'CANCEL_TOO_LATE',
  'IDEMPOTENCY_KEY_REUSED',
  'CHECK_IN_CODE_INVALID',
  'WRONG_CENTRE',
  'WRONG_DAY',
  'BOOKING_RESTRICTED',
  // dispatch
  'OFFER_EXPIRED',
  'ORDER_TAKEN',
  'WORKER_AT_CAPACITY',
  'WORKER_OFFLINE',
  'ALREADY_RATED',
  'SET_OUT_TOO_EARLY',
  'CALL_UNAVAILABLE',
  // meals
  'MEAL_NOT_OFFERED',
  'MEAL_SOLD_OUT',
  'MEAL_POINT_FULL',
  'MEAL_ORDER_CUT_OFF',
  'MEAL_MENU_HAS_ORDERS',
  'MEAL_ALREADY_COLLECTED',
  'PICKUP_CODE_INVALID',
  // meal subsidies and balances
  'BALANCE_INSUFFICIENT',
  'MEAL_SUBSIDY_RULE_INVALID',
  'MEAL_SUBSIDY_RULE_IN_FORCE',
  // payments
  'WECHAT_PAY_UNAVAILABLE',
  'WECHAT_PAY_SIGNATURE_INVALID',
  // outlets
  'OUTLET_IMPORT_INVALID',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One field that failed validation; `constraints` are the rule names that failed (e.g. `isInt`). */
export interface FieldViolation {
  field: string;
  constraints: string[];
  message: string;
}

/** The single error body of every non-2xx response. */
export interface ApiErrorBody {
  code: ApiErrorCode | (string & {});
  message: string;
  details?: unknown;
  requestId?: string;
}

/** Codes the mini program's request layer produces itself, when no API answer exists. */
/** WECHAT_LOGIN_FAILED: `wx.login` itself failed on the phone, before any request. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE' | 'WECHAT_LOGIN_FAILED';

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
