import { startTestApp, type TestApp } from './support/test-app';

interface Operation {
  responses: Record<string, { content?: { 'application/json'?: { schema?: { $ref?: string } } } }>;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    t = await startTestApp();
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
    for (const { path, method, op } of operations) {
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
});
