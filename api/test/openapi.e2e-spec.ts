import { Controller, Get, Module } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { Public } from '../src/common/auth/access-policy';
import { ApiModelOrNull } from '../src/common/http/api-nullable';
import { ApiErrorResponses } from '../src/common/http/api-error-responses';
import { startTestApp, type TestApp } from './support/test-app';

interface Operation {
  responses: Record<string, { content?: { 'application/json'?: { schema?: { $ref?: string } } } }>;
}

type SchemaNode = { [keyword: string]: unknown };

/** Every schema object in the document with where it is, for rules that hold wherever a schema appears. */
function schemasIn(node: unknown, where = '#'): Array<{ where: string; schema: SchemaNode }> {
  if (Array.isArray(node)) return node.flatMap((item, index) => schemasIn(item, `${where}/${index}`));
  if (typeof node !== 'object' || node === null) return [];
  const own = 'type' in node || 'nullable' in node || '$ref' in node || 'allOf' in node || 'oneOf' in node ? [{ where, schema: node as SchemaNode }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => (key === 'enum' || key === 'example' ? [] : schemasIn(value, `${where}/${key}`)))];
}

class Note {
  @ApiProperty() text: string;
}

class NoteHolder {
  @ApiModelOrNull(Note) note: Note | null;
}

/** A numeric bound on a boolean: legal JSON Schema, but Ajv's strict mode refuses to compile it. */
class Unreadable {
  @ApiProperty({ type: 'boolean', maximum: 3 }) count: unknown;
}

/** Routes whose answers break their own documentation on purpose, to show what the contract check does. */
@Controller('contract-probe')
class ContractProbeController {
  @Get('wrong-type')
  @Public()
  @ApiOkResponse({ type: Note })
  @ApiErrorResponses()
  wrongType(): unknown {
    return { text: 42 };
  }

  @Get('extra-field')
  @Public()
  @ApiOkResponse({ type: Note })
  @ApiErrorResponses()
  extraField(): unknown {
    return { text: '好', internalId: 7 };
  }

  @Get('null-note')
  @Public()
  @ApiOkResponse({ type: NoteHolder })
  @ApiErrorResponses()
  nullNote(): NoteHolder {
    return { note: null };
  }

  @Get('unreadable')
  @Public()
  @ApiOkResponse({ type: Unreadable })
  @ApiErrorResponses()
  unreadable(): Unreadable {
    return { count: 1 };
  }

  @Get('undocumented-status')
  @Public()
  @ApiOkResponse({ type: Note })
  undocumentedStatus(): never {
    throw new Error('a 500 this route does not document');
  }
}

@Module({ controllers: [ContractProbeController] })
class ContractProbeModule {}

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    t = await startTestApp({ extraModules: [ContractProbeModule] });
    document = (await t.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('serves the interactive UI at /api/docs', async () => {
    const response = await t.http().get('/api/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger');
  });

  it('documents every route with a success schema and its error codes in the one error shape', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const { path, method, op } of operations.filter(({ path }) => !path.startsWith('/api/contract-probe/'))) {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      const errors = statuses.filter((s) => /^[45]/.test(s));
      expect({ route: `${method} ${path}`, success: success.length > 0 }).toEqual({ route: `${method} ${path}`, success: true });
      expect({ route: `${method} ${path}`, hasErrors: errors.length > 0 }).toEqual({ route: `${method} ${path}`, hasErrors: true });
      for (const status of errors) {
        expect(op.responses[status].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ApiErrorBodyDto');
      }
    }
    expect(document.components.schemas.ApiErrorBodyDto).toBeDefined();
  });

  it('admits null wherever it means to, read as the OpenAPI 3.0 it declares (nullable only widens a type beside it)', () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    // Void under 3.0.3: `nullable` with no type to widen, beside a reference or combinator (each member is checked
    // on its own and refuses null), or beside an enum that does not list null.
    const isVoid = (schema: SchemaNode) =>
      typeof schema.type !== 'string' || ['$ref', 'allOf', 'anyOf', 'oneOf'].some((keyword) => keyword in schema) || (Array.isArray(schema.enum) && !schema.enum.includes(null));
    const voidNullables = schemasIn(document)
      .filter(({ schema }) => schema.nullable === true && isVoid(schema))
      .map(({ where }) => where);
    expect(voidNullables).toEqual([]);
  });

  describe('every response a test receives is checked against it', () => {
    it('fails a body of the wrong type, naming the route, the status and the schema rule', async () => {
      const error = await t
        .http()
        .get('/api/contract-probe/wrong-type')
        .then(
          () => null,
          (rejected: Error) => rejected,
        );
      expect(error?.message).toContain('GET /api/contract-probe/wrong-type → 200');
      expect(error?.message).toContain('body.text must be string');
      expect(error?.message).toContain('[#/components/schemas/Note/properties/text/type]');
    });

    it('fails a field the document does not describe', async () => {
      await expect(t.http().get('/api/contract-probe/extra-field')).rejects.toThrow('an undocumented field "internalId"');
    });

    it('fails a status the operation does not document', async () => {
      await expect(t.http().get('/api/contract-probe/undocumented-status')).rejects.toThrow(/→ 500 .*status 500 is not in the API document/);
    });

    it('reports a schema it cannot compile as a failure of the request, rather than leaving the test to time out', async () => {
      await expect(t.http().get('/api/contract-probe/unreadable')).rejects.toThrow(
        /→ 200: the API document .* cannot be checked: strict mode: missing type "number" for keyword "maximum"/,
      );
    });

    it('admits null where a model or null is documented', async () => {
      await t.http().get('/api/contract-probe/null-note').expect(200, { note: null });
    });

    it('holds answers outside any documented operation to the one error body', async () => {
      const response = await t.http().get('/api/no-such-route').expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });
  });
});
