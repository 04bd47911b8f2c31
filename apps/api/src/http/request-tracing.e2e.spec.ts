import { node, tracing } from '@opentelemetry/sdk-node';
import { trace } from '@opentelemetry/api';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type Audit = { metadata: Record<string, unknown> }[];

/** Tracing turned on for this test file, its spans kept in memory. */
const exporter = new tracing.InMemorySpanExporter();
const provider = new node.NodeTracerProvider({
  spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
});

describe('traces', () => {
  let t: TestApp;
  beforeAll(async () => {
    provider.register();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    await provider.shutdown();
    trace.disable();
  });

  const spansNamed = (name: string) => exporter.getFinishedSpans().filter((s) => s.name === name);

  it('request, command and append in one trace, its id in the events, the projection linked', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const created = await t
      .http()
      .post('/contacts')
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .set('x-correlation-id', 'corr-7')
      .send({ firstName: 'Ada', lastName: 'Lovelace' })
      .expect(201);

    const [request] = spansNamed('POST /contacts');
    const [command] = spansNamed('command CreateContact');
    const [append] = spansNamed('event-store append');
    expect(request.spanContext().traceId).toBe(traceId);
    expect(request.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(request.attributes).toMatchObject({
      'http.route': '/contacts',
      'http.response.status_code': 201,
    });
    expect(command.spanContext().traceId).toBe(traceId);
    expect(command.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(command.attributes).toMatchObject({
      'crm.command.type': 'CreateContact',
      'crm.correlation_id': 'corr-7',
    });
    expect(append.parentSpanContext?.spanId).toBe(command.spanContext().spanId);

    const audit = await t.http().get(`/audit/contact/${created.body.id}`).expect(200);
    const events = (audit.body.events ?? audit.body) as Audit;
    expect(events[0].metadata).toMatchObject({
      $correlationId: 'corr-7',
      traceparent: `00-${traceId}-${command.spanContext().spanId}-01`,
    });

    const deadline = Date.now() + 10_000;
    const linked = () =>
      spansNamed('projection batch').find((span) =>
        span.links.some((link) => link.context.traceId === traceId),
      );
    while (!linked() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(linked()?.links[0].context.spanId).toBe(command.spanContext().spanId);
  });
});
