import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, type OpenAPIObject, type OperationObject } from '@nestjs/swagger';
import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode, type FieldViolation } from '@linli/shared';
import { DEFAULT_MESSAGE_BY_CODE, HTTP_STATUS_BY_CODE } from '../errors/error-status';

/** One field that failed validation (VALIDATION_FAILED lists one per field). */
export class FieldViolationDto implements FieldViolation {
  @ApiProperty({ example: 'address.street', description: 'Where the field is in the request; nested fields joined by dots' })
  field: string;

  @ApiProperty({ type: [String], example: ['maxLength'], description: 'The rules it broke' })
  constraints: string[];

  @ApiProperty({ example: 'street must be shorter than or equal to 50 characters' })
  message: string;
}

/** OpenAPI schema of the one error body. */
export class ApiErrorBodyDto implements ApiErrorBody {
  @ApiProperty({ enum: API_ERROR_CODES, description: 'Stable machine-readable code; clients branch on it.' })
  code: ApiErrorCode;

  @ApiProperty({ description: 'Message for people, in Simplified Chinese.' })
  message: string;

  @ApiPropertyOptional({
    description: 'VALIDATION_FAILED: the fields that failed, one entry each. Other codes: facts about the refusal, e.g. `{ status }` for INVALID_TRANSITION.',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldViolationDto) } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: FieldViolation[] | Record<string, unknown>;

  @ApiProperty({ description: 'Request id, also in the x-request-id header and in the server logs.' })
  requestId: string;
}

/** Codes any route can answer with, whatever it does (503: its database is out, or the instance is shutting down). */
const ALWAYS_POSSIBLE: ApiErrorCode[] = ['RATE_LIMITED', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'];

function describeCodes(codes: ApiErrorCode[]): string {
  return codes.map((code) => `${code}: ${DEFAULT_MESSAGE_BY_CODE[code]}`).join('; ');
}

function byStatus(codes: ApiErrorCode[]): Map<number, ApiErrorCode[]> {
  const grouped = new Map<number, ApiErrorCode[]>();
  for (const code of codes) {
    const status = HTTP_STATUS_BY_CODE[code];
    grouped.set(status, [...(grouped.get(status) ?? []), code]);
  }
  return grouped;
}

/** Documents a route's error responses: one entry per HTTP status, listing the codes it may carry. */
export function ApiErrorResponses(...codes: ApiErrorCode[]) {
  return applyDecorators(
    ApiExtraModels(ApiErrorBodyDto, FieldViolationDto),
    ...[...byStatus([...codes, ...ALWAYS_POSSIBLE])].map(([status, statusCodes]) =>
      ApiResponse({ status, description: describeCodes(statusCodes), schema: { $ref: getSchemaPath(ApiErrorBodyDto) } }),
    ),
  );
}

/**
 * Answers given before any handler runs, by the router and the body parser, so no route lists them itself:
 * a path parameter can be too long (414) or not valid percent-encoding (400); a body can be unreadable or too
 * deep (400), too large (413) or not JSON (415).
 */
function routerAnswers(operation: OperationObject): ApiErrorCode[] {
  const hasPathParameter = (operation.parameters ?? []).some((parameter) => 'in' in parameter && parameter.in === 'path');
  return [
    ...(hasPathParameter ? (['MALFORMED_BODY', 'URI_TOO_LONG'] as const) : []),
    ...(operation.requestBody ? (['MALFORMED_BODY', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
  ];
}

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Adds the router's and the body parser's answers to every operation of `document` they can reach. */
export function documentRouterAnswers(document: OpenAPIObject): OpenAPIObject {
  const operations = Object.values(document.paths).flatMap((pathItem) => OPERATION_METHODS.flatMap((method) => pathItem[method] ?? []));
  for (const operation of operations) {
    for (const [status, codes] of byStatus([...new Set(routerAnswers(operation))])) {
      const existing = operation.responses[status];
      if (!existing) {
        operation.responses[status] = { description: describeCodes(codes), content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorBodyDto) } } } };
      } else if ('description' in existing) {
        const missing = codes.filter((code) => !existing.description.includes(`${code}:`));
        if (missing.length > 0) existing.description = `${existing.description}; ${describeCodes(missing)}`;
      }
    }
  }
  return document;
}
