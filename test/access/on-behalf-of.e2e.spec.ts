import { deterministicId } from '@crm/application';
import { TEST_AUTH_ENV } from '../support/credentials';
import { createPipeline } from '../support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../support/test-app';

type AuditEvent = { eventId: string; type: string; metadata: Record<string, unknown> };

/**
 * A process manager acts as its own principal, `process:<name>`, and every event it writes
 * records the principal of the event that caused it as `onBehalfOf`: here a sales rep converts
 * their lead and the lead-conversion process creates the contact, the account and the deal.
 */
describe('processes act on behalf of the principal that caused them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'true' });
  });
  afterAll(() => t.close());

  const rep = (subject: string) => t.as(TENANT, { subject, roles: ['sales-rep'] });
  const auditOf = async (kind: string, id: string): Promise<AuditEvent[]> =>
    (await t.http().get(`/audit/${kind}/${id}`).expect(200)).body.events as AuditEvent[];

  it('records process:lead-conversion as principal and the converting rep as onBehalfOf', async () => {
    const pipelineId = await createPipeline(t);
    const captured = await rep('rep-a')
      .post('/leads')
      .send({
        source: 'webinar',
        ownerId: 'rep-a',
        contact: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@engines.example',
          company: 'Analytical Engines',
        },
      })
      .expect(201);
    const leadId = captured.body.id as string;
    await rep('rep-a').post(`/leads/${leadId}/qualify`).send({}).expect(200);
    const converted = await rep('rep-a')
      .post(`/leads/${leadId}/convert`)
      .send({
        createAccount: true,
        deal: {
          title: 'Engines',
          pipelineId,
          amount: { amount: 100, currency: 'EUR' },
          expectedCloseDate: '2026-03-31',
        },
      })
      .expect(200);
    expect(converted.headers['x-processes-pending']).toBeUndefined();

    const leadEvents = await auditOf('lead', leadId);
    const conversion = leadEvents.find((event) => event.type === 'LeadConverted');
    const repA = { kind: 'user', subject: 'rep-a', issuer: TEST_AUTH_ENV.CRM_AUTH_ISSUER };
    expect(conversion?.metadata.principal).toEqual(repA);

    const created = (part: string) => deterministicId(TENANT, 'lead-conversion', leadId, part);
    for (const kind of ['contact', 'account', 'deal']) {
      const [first] = await auditOf(kind, created(kind));
      expect({ kind, metadata: first.metadata }).toMatchObject({
        kind,
        metadata: {
          actorId: 'process:lead-conversion',
          principal: { kind: 'process', subject: 'process:lead-conversion', onBehalfOf: repA },
          $causationId: conversion?.eventId,
          $correlationId: conversion?.metadata.$correlationId,
        },
      });
    }

    // What the process created on the rep's behalf follows the rep's row rules like anything else.
    const position = converted.body.position as string;
    await rep('rep-a')
      .get(`/deals/${created('deal')}?minPosition=${position}`)
      .expect(200);
    await rep('rep-b')
      .get(`/deals/${created('deal')}?minPosition=${position}`)
      .expect(404);
  });
});
