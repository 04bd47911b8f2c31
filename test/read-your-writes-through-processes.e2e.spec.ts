import { deterministicId } from '@crm/application';
import { createPipeline } from './support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from './support/test-app';

/**
 * A lead conversion's answer covers what the lead-conversion process manager writes for it: a
 * read with that `minPosition` finds the contact, account and deal it creates, without polling.
 */
const convertQualifiedLead = async (t: TestApp) => {
  const pipelineId = await createPipeline(t);
  const captured = await t
    .http()
    .post('/leads')
    .send({
      source: 'webinar',
      contact: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@analytical.example',
        company: 'Analytical Engines',
      },
    })
    .expect(201);
  const leadId = captured.body.id as string;
  await t.http().post(`/leads/${leadId}/qualify`).send({}).expect(200);
  const converted = await t
    .http()
    .post(`/leads/${leadId}/convert`)
    .send({
      deal: {
        title: 'Engines',
        pipelineId,
        amount: { amount: 100, currency: 'EUR' },
        expectedCloseDate: '2026-03-31',
      },
    })
    .expect(200);
  return { leadId, converted };
};

describe('read your writes through process managers', () => {
  describe('with the process managers running in the API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ CRM_RUN_PROCESSES: 'true' });
    });
    afterAll(() => t.close());

    it('finds the contact, account and deal a conversion creates at the position it answered', async () => {
      for (let round = 0; round < 3; round++) {
        const { leadId, converted } = await convertQualifiedLead(t);
        expect(converted.headers['x-processes-pending']).toBeUndefined();
        const position = converted.body.position as string;
        // The ids the conversion derives; read at once, before anything else could give it time.
        const created = (part: string) => deterministicId(TENANT, 'lead-conversion', leadId, part);
        const paths = [
          `/contacts/${created('contact')}`,
          `/accounts/${created('account')}`,
          `/deals/${created('deal')}`,
        ];
        const reads = await Promise.all(
          paths.map((path) => t.http().get(path).query({ minPosition: position })),
        );
        expect(reads.map((read, index) => `${paths[index]} ${read.status}`)).toEqual(
          paths.map((path) => `${path} 200`),
        );
        // Not a race won: the answered position comes after every event the process wrote.
        for (const kind of ['contact', 'account', 'deal']) {
          const written = await t.store.readStream(`${kind}-${TENANT}.${created(kind)}`);
          expect(written.length).toBeGreaterThan(0);
          for (const event of written) expect(event.position <= BigInt(position)).toBe(true);
        }
      }
    });
  });

  describe('the OpenAPI document', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('documents X-Processes-Pending on the conversion, and only there', async () => {
      const { paths } = (await t.http().get('/openapi.json').expect(200)).body;
      const documenting = Object.entries(paths).flatMap(([path, methods]) =>
        Object.entries(methods as Record<string, { responses: Record<string, unknown> }>)
          .filter(([, operation]) =>
            JSON.stringify(operation.responses).includes('X-Processes-Pending'),
          )
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(documenting).toEqual(['POST /leads/{id}/convert']);
    });
  });

  describe('with no process manager running anywhere', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ CRM_RUN_PROCESSES: 'false' });
    });
    afterAll(() => t.close());

    it('answers at once with its own position and names the process it did not wait for', async () => {
      const started = Date.now();
      const { leadId, converted } = await convertQualifiedLead(t);
      expect(converted.headers['x-processes-pending']).toBe('lead-conversion');
      expect(Date.now() - started).toBeLessThan(5_000);
      const [last] = await t.store.readStream(`lead-${TENANT}.${leadId}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(converted.body.position).toBe(last?.position.toString());
    });
  });
});
