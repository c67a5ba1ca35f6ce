import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode } from '@linli/shared';
import { DEFAULT_MESSAGE_BY_CODE, HTTP_STATUS_BY_CODE } from '../errors/error-status';

/** OpenAPI schema of the one error body. */
export class ApiErrorBodyDto implements ApiErrorBody {
  @ApiProperty({ enum: API_ERROR_CODES, description: 'Stable machine-readable code; clients branch on it.' })
  code: ApiErrorCode;

  @ApiProperty({ description: 'Message for people, in Simplified Chinese.' })
  message: string;

  @ApiPropertyOptional({ description: 'Extra data, e.g. field violations for VALIDATION_FAILED.' })
  details?: unknown;

  @ApiProperty({ description: 'Request id, also in the x-request-id header and in the server logs.' })
  requestId: string;
}

/** Codes any route can answer with, whatever it does. */
const ALWAYS_POSSIBLE: ApiErrorCode[] = ['RATE_LIMITED', 'INTERNAL_ERROR'];

/** Documents a route's error responses: one entry per HTTP status, listing the codes it may carry. */
export function ApiErrorResponses(...codes: ApiErrorCode[]) {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of [...codes, ...ALWAYS_POSSIBLE]) {
    const status = HTTP_STATUS_BY_CODE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ApiExtraModels(ApiErrorBodyDto),
    ...[...byStatus].map(([status, statusCodes]) =>
      ApiResponse({
        status,
        description: statusCodes.map((code) => `${code}: ${DEFAULT_MESSAGE_BY_CODE[code]}`).join('; '),
        schema: { $ref: getSchemaPath(ApiErrorBodyDto) },
      }),
    ),
  );
}
