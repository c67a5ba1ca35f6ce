import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import type AjvCore from 'ajv/dist/core';
import addFormats from 'ajv-formats';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'superagent';
import request, { type Test } from 'supertest';
import { ApiErrorBodyDto } from '../../src/common/http/api-error-responses';

type Schema = { [keyword: string]: unknown };
interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
}
type Operation = { responses: Record<string, ResponseObject> };
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Where the app serves its document; the document and its viewer are the only routes outside it. */
const DOCUMENT_URL = '/api/docs-json';
const DOCUMENT_ROUTES = /^\/api\/docs(\/|-json$|$)/;
const OPERATION_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const COMPONENTS_ID = 'urn:linli:openapi-components';
/** A schema path inside the components, written back as the document names it in messages. */
const COMPONENT_PATH = new RegExp(`^${COMPONENTS_ID}#/(definitions|\\$defs)/`);
const COMBINATORS = ['allOf', 'anyOf', 'oneOf'];
/** OpenAPI's own annotations, which are no JSON Schema keywords. */
const OPENAPI_ANNOTATIONS = new Set(['example', 'xml', 'externalDocs', 'discriminator']);

interface Route {
  label: string;
  pattern: RegExp;
  templatedSegments: number;
  operations: Map<string, Operation>;
}

/**
 * The API document (what the app serves at /api/docs-json) checked against every response the e2e suite
 * receives, so the document cannot drift from the answers. A response conforms when its operation is documented
 * with that status (or the request matches no operation and the answer is an error), its media type is one the
 * status declares (no body when none is declared), and its JSON body validates against the declared schema.
 * Errors of every status are held to the one error body, documented or not.
 *
 * The schemas are read as the document's own version defines them: OpenAPI 3.1 as JSON Schema 2020-12, OpenAPI
 * 3.0 with `nullable` adding null only to a `type` in the same schema object (3.0.3's reading, under which
 * `nullable` beside a bare `allOf` admits no null). One deliberate strictness beyond OpenAPI's defaults: an
 * object schema that lists its properties admits no others, because a field the document does not describe is a
 * field client authors cannot know about.
 */
export class ResponseContract {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Route[];
  private readonly definitionsKey: 'definitions' | '$defs';

  private constructor(
    private readonly document: OpenApiDocument,
    private readonly ajv: AjvCore,
  ) {
    this.definitionsKey = isOpenApi31(document) ? '$defs' : 'definitions';
    const components = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, this.toJsonSchema(schema)]));
    ajv.addSchema({ $id: COMPONENTS_ID, [this.definitionsKey]: components });
    this.routes = Object.entries(document.paths)
      .map(([template, item]) => ({
        label: template,
        pattern: new RegExp(
          `^${template
            .split(/\{[^}]+\}/)
            .map(escapeRegExp)
            .join('[^/]+')}$`,
        ),
        templatedSegments: (template.match(/\{[^}]+\}/g) ?? []).length,
        operations: new Map(Object.entries(item).filter(([method]) => OPERATION_METHODS.has(method)) as Array<[string, Operation]>),
      }))
      // A concrete path wins over a templated one that also matches (OpenAPI's path-matching rule).
      .sort((a, b) => a.templatedSegments - b.templatedSegments);
  }

  /** Reads the document the app serves (one compiled contract per distinct document in a test worker). */
  static async servedBy(app: NestFastifyApplication): Promise<ResponseContract> {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: DOCUMENT_URL });
    if (response.statusCode !== 200) throw new Error(`${DOCUMENT_URL} answered ${response.statusCode}: the API document is missing`);
    const cached = contractsByDocument.get(response.body);
    if (cached) return cached;
    const document = JSON.parse(response.body) as OpenApiDocument;
    if (!/^3\.[01]\.\d+$/.test(document.openapi)) throw new Error(`${DOCUMENT_URL} declares OpenAPI ${document.openapi}; the contract check reads 3.0 and 3.1`);
    const AjvOfVersion = isOpenApi31(document) ? Ajv2020 : Ajv;
    const ajv = new AjvOfVersion({ strict: true, allErrors: true });
    addFormats(ajv);
    const contract = new ResponseContract(document, ajv);
    contractsByDocument.set(response.body, contract);
    return contract;
  }

  /** supertest bound to `server`, with every request it makes watched. */
  request(server: Parameters<typeof request>[0]): ReturnType<typeof request> {
    const agent = request(server);
    return Object.fromEntries(
      Object.entries(agent).map(([method, start]) => [method, (url: string) => this.watch((start as (url: string) => Test).call(agent, url))]),
    ) as unknown as ReturnType<typeof request>;
  }

  /** Makes the test fail, after its own expectations, when the response it receives breaks the contract. */
  watch(test: Test): Test {
    // Taken now, so that a violation points at the line of the test that made the request, not at this file.
    const requestedAt = (new Error().stack ?? '').split('\n').filter((frame) => frame.startsWith('    at ') && !frame.includes(__filename));
    const end = test.end.bind(test);
    test.end = (callback) =>
      end((error, response) => {
        const violation = error || !response ? null : this.checked(test.method, new URL(test.url).pathname, response);
        if (violation) violation.stack = [`Error: ${violation.message}`, ...requestedAt].join('\n');
        callback?.(error ?? violation, response);
      });
    return test;
  }

  /** `violation`, with a document the checker cannot read (a schema Ajv refuses) reported the same way. */
  private checked(method: string, path: string, response: Response): Error | null {
    try {
      return this.violation(method, path, response);
    } catch (unreadable) {
      return new Error(`${method} ${path} → ${response.status}: the API document (${DOCUMENT_URL}) cannot be checked: ${(unreadable as Error).message}`);
    }
  }

  /** Why `response` to `method path` does not conform to the document, or null when it does. */
  violation(method: string, path: string, response: Response): Error | null {
    if (DOCUMENT_ROUTES.test(path)) return null;
    const route = this.routes.find((candidate) => candidate.pattern.test(path));
    const operation = route?.operations.get(method.toLowerCase());
    const request = `${method} ${path}`;
    if (!operation || !route) {
      if (response.status < 400)
        return new Error(`${request} answered ${response.status}, but the API document (${DOCUMENT_URL}) has no operation ${method} ${route?.label ?? path}`);
      return this.bodyViolation(`${request} → ${response.status} (no documented operation; held to the one error body)`, errorBodyMedia(), response);
    }
    const label = `${request} → ${response.status} (documented as ${method} ${route.label})`;
    const declared = operation.responses[String(response.status)] ?? operation.responses[`${String(response.status)[0]}XX`] ?? operation.responses.default;
    if (!declared) {
      return new Error(`${label}: status ${response.status} is not in the API document (${DOCUMENT_URL}); it lists ${Object.keys(operation.responses).join(', ')}`);
    }
    return this.bodyViolation(label, declared.content ?? {}, response);
  }

  private bodyViolation(label: string, content: Record<string, { schema?: Schema }>, response: Response): Error | null {
    const mediaTypes = Object.keys(content);
    const received = response.type;
    if (mediaTypes.length === 0) {
      return hasBody(response) ? new Error(`${label}: the document declares no body, but a ${received || 'body'} came back: ${preview(response)}`) : null;
    }
    const mediaType = mediaTypes.find((declared) => declared === received || (declared.endsWith('/*') && received.startsWith(declared.slice(0, -1))));
    if (!mediaType) return new Error(`${label}: the body is ${received || 'missing'}, the document declares ${mediaTypes.join(' or ')}`);
    const schema = content[mediaType].schema;
    if (!schema || !/json/.test(mediaType)) return null;
    const validate = this.validatorFor(schema);
    if (validate(response.body)) return null;
    return new Error(`${label}: the body does not match the API document (${DOCUMENT_URL}):\n${describeErrors(validate.errors ?? [])}\nbody: ${preview(response)}`);
  }

  private validatorFor(schema: Schema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(this.toJsonSchema(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** An OpenAPI schema object as the JSON Schema Ajv checks: component references resolved, objects closed. */
  private toJsonSchema(schema: Schema): Schema {
    const translated: Schema = {};
    for (const [keyword, value] of Object.entries(schema)) {
      if (OPENAPI_ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
      if (keyword === '$ref') translated.$ref = String(value).replace('#/components/schemas/', `${COMPONENTS_ID}#/${this.definitionsKey}/`);
      else if (keyword === 'properties')
        translated.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, property]) => [name, this.toJsonSchema(property)]));
      else if (COMBINATORS.includes(keyword)) translated[keyword] = (value as Schema[]).map((member) => this.toJsonSchema(member));
      else if (['items', 'not', 'additionalProperties'].includes(keyword) && typeof value === 'object') translated[keyword] = this.toJsonSchema(value as Schema);
      else translated[keyword] = value;
    }
    if (!isOpenApi31(this.document) && 'nullable' in translated) {
      const { nullable, ...rest } = translated;
      if (nullable === true && typeof rest.type === 'string') rest.type = [rest.type, 'null'];
      return closeObject(rest);
    }
    return closeObject(translated);
  }
}

const contractsByDocument = new Map<string, ResponseContract>();

function isOpenApi31(document: OpenApiDocument): boolean {
  return document.openapi.startsWith('3.1.');
}

function closeObject(schema: Schema): Schema {
  const composed = COMBINATORS.some((keyword) => keyword in schema);
  return schema.properties && schema.additionalProperties === undefined && !composed ? { ...schema, additionalProperties: false } : schema;
}

function errorBodyMedia(): Record<string, { schema: Schema }> {
  return { 'application/json': { schema: { $ref: `#/components/schemas/${ApiErrorBodyDto.name}` } } };
}

function hasBody(response: Response): boolean {
  return Boolean(response.text) || (Buffer.isBuffer(response.body) && response.body.length > 0);
}

function describeErrors(errors: ErrorObject[]): string {
  const lines = errors.map((error) => {
    const where = `body${error.instancePath.replace(/\//g, '.')}`;
    const detail =
      'additionalProperty' in error.params
        ? ` (an undocumented field "${String(error.params.additionalProperty)}")`
        : 'allowedValues' in error.params
          ? ` (${JSON.stringify(error.params.allowedValues)})`
          : '';
    return `  ${where} ${error.message ?? 'is invalid'}${detail}  [${error.schemaPath.replace(COMPONENT_PATH, '#/components/schemas/')}]`;
  });
  return lines.slice(0, 10).join('\n') + (lines.length > 10 ? `\n  … ${lines.length - 10} more` : '');
}

function preview(response: Response): string {
  const text = response.text ?? '';
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
