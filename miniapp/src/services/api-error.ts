import type { ApiErrorCode, ClientErrorCode } from '@linli/shared';

/** Codes a caller can branch on: the API's own, the request layer's, or one a newer API version added. */
export type RequestErrorCode = ApiErrorCode | ClientErrorCode | (string & {});

export interface ApiErrorInit {
  code: RequestErrorCode;
  message: string;
  /** HTTP status; 0 when no HTTP answer arrived (network failure, timeout). */
  status: number;
  details?: unknown;
  requestId?: string;
  cause?: unknown;
}

/** The one error type the request layer throws. `message` is Chinese text fit to show to residents. */
export class ApiError extends Error {
  readonly code: RequestErrorCode;
  readonly status: number;
  readonly details?: unknown;
  readonly requestId?: string;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}
