import { startTestApp, TestApp } from './support/test-app';

type Operation = {
  parameters?: { name: string; in: string; schema?: { pattern?: string } }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: object }>;
};

/** The document a client generator reads: every error with its body, headers the API reads. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let operations: { route: string; operation: Operation }[];
  let document: { components: { schemas: Record<string, { required?: string[] }> } };
  beforeAll(async () => {
    t = await startTestApp();
    const { body } = await t.http().get('/openapi.json').expect(200);
    document = body;
    operations = Object.entries(body.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          route: `${method.toUpperCase()} ${path}`,
          operation,
        })),
    );
  });
  afterAll(() => t.close());

  it('needs the bearer credential on every operation but the public health probes', () => {
    const open = operations
      .filter(
        ({ operation }) => Array.isArray(operation.security) && operation.security.length === 0,
      )
      .map(({ route }) => route);
    expect(open).toEqual(['GET /health/live', 'GET /health/ready']);
  });

  it('gives every answer a body schema, and every error status the error body', () => {
    const missing = operations.flatMap(({ route, operation }) =>
      Object.entries(operation.responses).flatMap(([status, response]) => {
        const schema =
          response.content?.['application/json']?.schema ??
          response.content?.['text/plain']?.schema;
        if (status === '304') return schema ? [`${route} 304: a body schema on Not Modified`] : [];
        if (!schema) return [`${route} ${status}: no schema`];
        if (
          Number(status) >= 400 &&
          JSON.stringify(schema) !== '{"$ref":"#/components/schemas/ErrorBody"}'
        )
          return [`${route} ${status}: not the error body`];
        return [];
      }),
    );
    expect(missing).toEqual([]);
    expect(document.components.schemas.ErrorBody.required).toEqual([
      'statusCode',
      'code',
      'message',
    ]);
  });

  it('documents 400 everywhere, 404 with a path id, 413 and 415 on bodies, 503 with minPosition', () => {
    for (const { route, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect({ route, has400: statuses.includes('400') }).toEqual({ route, has400: true });
      if (route.includes('{id}'))
        expect({ route, statuses }).toEqual({ route, statuses: expect.arrayContaining(['404']) });
      if (route.startsWith('POST'))
        expect({ route, statuses }).toEqual({
          route,
          statuses: expect.arrayContaining(['413', '415']),
        });
      if (operation.parameters?.some((p) => p.name === 'minPosition'))
        expect({ route, statuses }).toEqual({ route, statuses: expect.arrayContaining(['503']) });
    }
  });

  it('documents ETag and the headers a command reads, with the patterns the API checks', () => {
    const commands = operations.filter(({ operation }) =>
      JSON.stringify(operation.responses).includes('CommandAnswer'),
    );
    expect(commands.length).toBeGreaterThan(50);
    for (const { route, operation } of commands) {
      const success = Object.entries(operation.responses).filter(([status]) =>
        status.startsWith('2'),
      );
      expect({ route, statuses: success.map(([status]) => status).length }).toEqual({
        route,
        statuses: 1,
      });
      expect(success[0][1].headers).toHaveProperty('ETag');
      const headers = operation.parameters!.filter((p) => p.in === 'header').map((p) => p.name);
      expect({ route, headers: headers.sort() }).toEqual({
        route,
        headers: [
          'Idempotency-Key',
          'If-Match',
          'X-Causation-Id',
          'X-Correlation-Id',
          'X-Tenant-Id',
        ],
      });
      const tenant = operation.parameters!.find((p) => p.name === 'X-Tenant-Id');
      expect(tenant?.schema?.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$');
    }
  });

  it('marks the required fields, delta of a lead score adjustment among them', () => {
    // `reason` is marked by the Swagger plugin, which runs in `nest build` (the fuzzer reads that).
    expect(document.components.schemas.AdjustLeadScoreDto.required).toContain('delta');
  });
});
