import { createLogger, loadConfig } from '@crm/application';
import { createSqliteEventStore } from '@crm/event-store';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import Fastify from 'fastify';
import { createApp } from '../create-app';
import { useAccessLog } from './access-log';
import { requestIdOf } from './request-id';

type Line = Record<string, unknown>;

/** The API in-process, its log lines captured as parsed JSON. */
const startLoggedApp = async (level: 'log' | 'debug' = 'log') => {
  const out = new PassThrough();
  const lines: Line[] = [];
  out.on('data', (chunk: Buffer) => {
    for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push(JSON.parse(text));
  });
  const app: NestFastifyApplication = await createApp({
    config: loadConfig({ CRM_RUN_PROCESSES: 'false' }),
    eventStore: createSqliteEventStore({ path: ':memory:' }),
    documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
    logger: createLogger({ service: 'api', format: 'json', level, destination: out }),
  });
  return { app, lines, http: () => request(app.getHttpServer()) };
};

const accessLines = (lines: Line[]) => lines.filter((line) => line.msg === 'request completed');

describe('access log and request ids', () => {
  let t: Awaited<ReturnType<typeof startLoggedApp>>;
  beforeAll(async () => (t = await startLoggedApp()));
  afterAll(() => t.app.close());
  beforeEach(() => t.lines.splice(0));

  it('keeps the caller X-Request-Id, returns it and logs one line with it', async () => {
    const response = await t.http().get('/health').set('X-Request-Id', 'req-42.a').expect(200);
    expect(response.headers['x-request-id']).toBe('req-42.a');
    expect(accessLines(t.lines)).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        service: 'api',
        pid: process.pid,
        context: 'http',
        msg: 'request completed',
        requestId: 'req-42.a',
        method: 'GET',
        route: '/health',
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
  });

  it.each([
    ['none', undefined],
    ['one with spaces', 'a b'],
    ['an overlong one', 'x'.repeat(129)],
  ])('generates an id when given %s', async (_, given) => {
    const call = t.http().get('/contacts/00000000-0000-4000-8000-000000000000');
    const response = await (given === undefined ? call : call.set('X-Request-Id', given));
    const id = response.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(accessLines(t.lines)).toEqual([
      expect.objectContaining({
        requestId: id,
        route: '/contacts/:id',
        status: response.status,
      }),
    ]);
  });

  it('an unknown route logs no route pattern', async () => {
    await t.http().get('/no/such/route').expect(404);
    expect(accessLines(t.lines)).toEqual([
      expect.objectContaining({ route: null, status: 404, method: 'GET' }),
    ]);
  });
});

describe('the principal in the access line', () => {
  it('is logged when the identity layer put one on the request', async () => {
    const out = new PassThrough();
    const lines: Line[] = [];
    out.on('data', (chunk: Buffer) => lines.push(JSON.parse(chunk.toString())));
    const fastify = Fastify({ genReqId: requestIdOf });
    const principal = {
      kind: 'apiKey',
      tenant: 'acme',
      subject: 'svc-1',
      roles: ['admin'],
      keyId: 'k1',
      secret: 'never logged',
    };
    // Stands in for the identity guard, which sets request.principal before the handler.
    fastify.addHook('preHandler', async (req) => {
      Object.assign(req, { principal });
    });
    useAccessLog(fastify, createLogger({ service: 'api', format: 'json', destination: out }));
    fastify.get('/things/:id', async () => ({ ok: true }));
    const response = await fastify.inject({ url: '/things/1', headers: { 'x-request-id': 'r-1' } });
    await fastify.close();
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(lines).toEqual([
      expect.objectContaining({
        requestId: 'r-1',
        route: '/things/:id',
        status: 200,
        principal: {
          kind: 'apiKey',
          tenant: 'acme',
          subject: 'svc-1',
          roles: ['admin'],
          keyId: 'k1',
        },
      }),
    ]);
  });
});

describe('start-up lines', () => {
  it('route mapping only at debug', async () => {
    const quiet = await startLoggedApp('log');
    await quiet.app.close();
    expect(quiet.lines.filter((line) => line.context === 'RouterExplorer')).toEqual([]);

    const chatty = await startLoggedApp('debug');
    await chatty.app.close();
    expect(chatty.lines.filter((line) => line.context === 'RouterExplorer').length).toBeGreaterThan(
      50,
    );
    expect(chatty.lines.find((line) => line.context === 'RouterExplorer')).toMatchObject({
      level: 'debug',
      service: 'api',
    });
  });
});
