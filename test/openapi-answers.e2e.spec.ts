import { WebhookDispatchers } from '@crm/application';
import Ajv, { ValidateFunction } from 'ajv';
import { answerRecorder, AnswerRecorder, RecordedAnswer } from './support/answer-recorder';
import { commandTour } from './support/command-tour';
import { startTestApp, TENANT, TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { WEBHOOK_TOUR_ENV, webhookTour } from './support/webhook-tour';
import { automationTour } from './support/automation-tour';

type Response = { content?: Record<string, { schema?: object }> };
type Operation = { responses: Record<string, Response> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};

/** RFC 3339 date-times as the API writes them: `2026-03-02T10:00:00.000Z`. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** `/deals/{id}/stage` as a pattern over concrete paths. */
const routePattern = (path: string): RegExp =>
  new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);

/** The document's route for a concrete request: the most literal one that matches. */
const routeOf = (document: Document, answer: RecordedAnswer): string | undefined =>
  Object.keys(document.paths)
    .filter((path) => document.paths[path][answer.method] && routePattern(path).test(answer.path))
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];

/** Routes the tour cannot reach with a real clock; they answer CommandAnswer like their kin. */
const UNREACHED = new Set(['post /quotes/{id}/expire']);

/** The keyset lists, read whole and a page of one: those holding more carry a nextCursor. */
const LISTS = ['/leads', '/deals', '/tickets', '/campaigns', '/pipelines', '/interactions'];
type ListPage = { items: unknown[]; total: number; nextCursor?: string };

/**
 * Real answers against the document: every GET and POST route answers successfully at least once
 * here, and each answer (masked ones included) must match the schema documented for its status.
 */
describe('the documented answer schemas', () => {
  let t: TestApp;
  let document: Document;
  let ajv: Ajv;
  let recorder: AnswerRecorder;
  let receiver: WebhookReceiver;
  const validators = new Map<string, ValidateFunction>();

  const validatorFor = (route: string, method: string, status: number): ValidateFunction => {
    const key = `${method} ${route} ${status}`;
    const cached = validators.get(key);
    if (cached) return cached;
    const response = document.paths[route][method].responses[String(status)];
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${key}: no JSON schema documented`);
    const validate = ajv.compile(schema);
    validators.set(key, validate);
    return validate;
  };

  /** Every recorded answer that does not match its documented schema, with ajv's reasons. */
  const mismatches = (answers: readonly RecordedAnswer[]) =>
    answers.flatMap((answer) => {
      const route = routeOf(document, answer);
      if (route === undefined) return [`${answer.method} ${answer.path}: not in the document`];
      const content = document.paths[route][answer.method].responses[String(answer.status)];
      if (!content) return [`${answer.method} ${route}: ${answer.status} is not documented`];
      if (content.content?.['text/plain']) {
        return answer.contentType.startsWith('text/plain') && answer.text.length > 0
          ? []
          : [`${answer.method} ${route}: not text/plain`];
      }
      const validate = validatorFor(route, answer.method, answer.status);
      return validate(answer.body)
        ? []
        : [`${answer.method} ${route} ${answer.status}: ${ajv.errorsText(validate.errors)}`];
    });

  let ids: Record<string, string>;
  const reads = () => [
    `/accounts?minPosition=0`,
    `/accounts/${ids.accountId}`,
    `/accounts/${ids.accountId}/360`,
    `/accounts/${ids.accountId}/timeline`,
    `/contacts`,
    `/contacts/${ids.contactId}`,
    `/contacts/${ids.contactId}/360`,
    `/contacts/${ids.contactId}/timeline?limit=2`,
    `/leads/${ids.leadId}`,
    `/deals/${ids.dealId}`,
    `/deals/${ids.dealId}/timeline`,
    `/pipelines/${ids.pipelineId}`,
    `/pipelines/${ids.pipelineId}/board`,
    `/pipelines/${ids.pipelineId}/board?ownerId=user-7`,
    `/tasks?assigneeId=user-7`,
    `/tasks?assigneeId=user-7&limit=1`,
    ...LISTS.flatMap((list) => [list, `${list}?limit=1`]),
    `/tasks/${ids.taskId}`,
    `/tickets/${ids.ticketId}`,
    `/campaigns/${ids.campaignId}`,
    `/interactions/${ids.interactionId}`,
    `/quotes/${ids.quoteId}`,
    `/reports/lead-funnel`,
    `/reports/lead-funnel?groupBy=campaign`,
    `/reports/win-rate`,
    `/reports/sales-cycle`,
    `/reports/stage-conversion?pipelineId=${ids.pipelineId}`,
    `/reports/revenue-by-month`,
    `/reports/forecast`,
    `/reports/tickets`,
    `/reports/campaigns`,
  ];

  beforeAll(async () => {
    t = await startTestApp(WEBHOOK_TOUR_ENV);
    receiver = await WebhookReceiver.start();
    // Only the dispatchers: the process managers would write beside the tour.
    await t.app.get(WebhookDispatchers).start();
    document = (await t.http().get('/openapi.json').expect(200)).body as Document;
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date-time', ISO_DATE_TIME);
    for (const [name, schema] of Object.entries(document.components.schemas))
      ajv.addSchema(schema, `#/components/schemas/${name}`);
    recorder = answerRecorder(t);
    ids = await commandTour(recorder);
    const last = recorder.answers[recorder.answers.length - 1].body as { position: string };
    // Every read waits until the read models hold what the tour wrote.
    await t.http().get(`/accounts/${ids.accountId}?minPosition=${last.position}`).expect(200);
    for (const path of reads()) await recorder.send('get', path);
    for (const path of ['/scoring-model', '/scoring-model/versions', '/scoring-model/rescoring'])
      await recorder.send('get', path);
    await recorder.send('get', `/audit/deal/${ids.dealId}?limit=2`);
    const created = await recorder.send('post', '/api-keys', {
      subject: 'svc',
      roles: ['analyst'],
      name: 'reports',
      expires: 'P30D',
    });
    await recorder.send('get', '/api-keys');
    await recorder.send('delete', `/api-keys/${(created.body as { keyId: string }).keyId}`);
    await webhookTour(recorder, receiver);
    await automationTour(recorder, t);
    for (const path of ['/health', '/health/live', '/health/ready', '/projections', '/metrics'])
      await recorder.send('get', path);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('matches every answer to the schema of its route and status', () => {
    expect(recorder.answers.length).toBeGreaterThan(100);
    expect(mismatches(recorder.answers)).toEqual([]);
  });

  it('reads every list with items, a nextCursor exactly while more follow', () => {
    const pages = recorder.answers.filter(
      (answer) => answer.method === 'get' && [...LISTS, '/tasks'].includes(answer.path),
    );
    expect(new Set(pages.map((answer) => answer.path))).toEqual(new Set([...LISTS, '/tasks']));
    const wrong = pages.filter(({ body }) => {
      const { items, total, nextCursor } = body as ListPage;
      return items.length === 0 || (nextCursor !== undefined) !== total > items.length;
    });
    expect(wrong).toEqual([]);
    expect(pages.filter(({ body }) => (body as ListPage).nextCursor !== undefined)).not.toEqual([]);
  });

  it('answers every GET and POST route of the document at least once', () => {
    const answered = new Set(
      recorder.answers.map((answer) => `${answer.method} ${routeOf(document, answer)}`),
    );
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => method === 'get' || method === 'post')
        .map((method) => `${method} ${path}`),
    );
    expect(routes.filter((route) => !answered.has(route) && !UNREACHED.has(route))).toEqual([]);
  });

  it('documents a schema with its fields for every success, never a bare object', () => {
    const bare = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(([status]) => status.startsWith('2'))
          .filter(([, response]) => {
            const schema = response.content?.['application/json']?.schema as
              { type?: string; properties?: object; $ref?: string } | undefined;
            if (response.content?.['text/plain']) return false;
            return !schema || (schema.$ref === undefined && schema.properties === undefined);
          })
          .map(([status]) => `${method} ${path} ${status}`),
      ),
    );
    expect(bare).toEqual([]);
  });

  it('matches the masked answers a caller without pii:read gets', async () => {
    const analyst = () => t.as(TENANT, { roles: ['analyst'] }).set('x-tenant-id', TENANT);
    const masked = answerRecorder(t);
    for (const path of reads()) await masked.send('get', path, undefined, analyst());
    const contact = masked.answers.find((a) => a.path === `/contacts/${ids.contactId}`);
    expect(contact?.body).toMatchObject({ emails: '***', phones: '***', address: '***' });
    const leads = masked.answers.find((a) => a.path === '/leads');
    expect((leads?.body as ListPage).items[0]).toMatchObject({ contact: { email: '***' } });
    expect(mismatches(masked.answers)).toEqual([]);
  });

  it('fails an answer that breaks its schema', () => {
    const contact = recorder.answers.find(
      (a) => a.method === 'get' && a.path === `/contacts/${ids.contactId}`,
    )!;
    const broken = { ...contact, body: { ...(contact.body as object), revision: 'one' } };
    const lead = recorder.answers.find(
      (a) => a.method === 'get' && a.path === `/leads/${ids.leadId}`,
    )!;
    const { score: _score, ...withoutScore } = lead.body as Record<string, unknown>;
    const deals = recorder.answers.find((a) => a.method === 'get' && a.path === '/deals')!;
    const lastPage = { ...deals, body: { ...(deals.body as object), nextCursor: null } };
    const log = recorder.answers.find(
      (a) =>
        a.method === 'get' &&
        /^\/webhooks\/[^/]+\/deliveries$/.test(a.path) &&
        (a.body as { deliveries: object[] }).deliveries.length > 0,
    )!;
    const [delivery] = (log.body as { deliveries: object[] }).deliveries;
    const lost = { ...log, body: { deliveries: [{ ...delivery, status: 'lost' }], next: null } };
    expect(mismatches([broken, { ...lead, body: withoutScore }, lastPage, lost])).toEqual([
      expect.stringContaining('revision must be integer'),
      expect.stringContaining("must have required property 'score'"),
      expect.stringContaining('nextCursor must be string'),
      expect.stringContaining('status must be equal to one of the allowed values'),
    ]);
  });
});
