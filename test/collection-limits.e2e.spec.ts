import { RECORD_LIMITS } from '@crm/domain';
import { startTestApp, TestApp } from './support/test-app';

/** A record's collections stop at their documented limit: 422 with a code, nothing appended. */
describe('collection limits per record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const created = async (path: string, body: object): Promise<string> =>
    ((await t.http().post(path).send(body).expect(201)).body as { id: string }).id;

  /** Sends the request past the limit: refused with `code`, and the log did not move. */
  const refusedPastLimit = async (
    send: () => PromiseLike<{ status: number; body: { code?: string; details?: object } }>,
    code: string,
    details: object,
  ) => {
    const before = await t.head();
    const answer = await send();
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 422, code });
    expect(answer.body.details).toMatchObject(details);
    expect(await t.head()).toBe(before);
  };

  it('keeps the limits in one place', () => {
    expect(RECORD_LIMITS).toMatchObject({
      tags: 100,
      customFields: 100,
      quoteLines: 100,
      pipelineStages: 50,
    });
  });

  it(`refuses tag ${RECORD_LIMITS.tags + 1} on an account and on a contact`, async () => {
    const accountId = await created('/accounts', { name: 'Tagged Ltd' });
    const contactId = await created('/contacts', { firstName: 'Tess', lastName: 'Tagged' });
    for (let i = 0; i < RECORD_LIMITS.tags; i++) {
      await t
        .http()
        .post(`/accounts/${accountId}/tags`)
        .send({ tag: `t${i}` })
        .expect(200);
      await t
        .http()
        .post(`/contacts/${contactId}/tags`)
        .send({ tag: `t${i}` })
        .expect(200);
    }
    // A tag it already carries is still a no-op, not a refusal.
    await t.http().post(`/accounts/${accountId}/tags`).send({ tag: 'T0' }).expect(200);
    const limit = { field: 'tags', limit: 100, count: 100 };
    await refusedPastLimit(
      () => t.http().post(`/accounts/${accountId}/tags`).send({ tag: 'one-more' }),
      'ACCOUNT_TAGS_TOO_MANY',
      limit,
    );
    await refusedPastLimit(
      () => t.http().post(`/contacts/${contactId}/tags`).send({ tag: 'one-more' }),
      'CONTACT_TAGS_TOO_MANY',
      limit,
    );
    // Removing one makes room again.
    await t.http().delete(`/contacts/${contactId}/tags/t0`).expect(200);
    await t.http().post(`/contacts/${contactId}/tags`).send({ tag: 'one-more' }).expect(200);
  });

  it(`refuses custom field ${RECORD_LIMITS.customFields + 1}, not a change of one it has`, async () => {
    const accountId = await created('/accounts', { name: 'Fields Ltd' });
    const contactId = await created('/contacts', { firstName: 'Fiona', lastName: 'Fields' });
    for (let i = 0; i < RECORD_LIMITS.customFields; i++) {
      await t
        .http()
        .put(`/accounts/${accountId}/custom-fields/f${i}`)
        .send({ value: i })
        .expect(200);
      await t
        .http()
        .put(`/contacts/${contactId}/custom-fields/f${i}`)
        .send({ value: i })
        .expect(200);
    }
    await t
      .http()
      .put(`/contacts/${contactId}/custom-fields/f0`)
      .send({ value: 'changed' })
      .expect(200);
    const limit = { field: 'customFields', limit: 100, count: 100 };
    await refusedPastLimit(
      () => t.http().put(`/accounts/${accountId}/custom-fields/extra`).send({ value: true }),
      'ACCOUNT_CUSTOM_FIELDS_TOO_MANY',
      limit,
    );
    await refusedPastLimit(
      () => t.http().put(`/contacts/${contactId}/custom-fields/extra`).send({ value: true }),
      'CONTACT_CUSTOM_FIELDS_TOO_MANY',
      limit,
    );
  });

  it(`refuses quote line ${RECORD_LIMITS.quoteLines + 1}`, async () => {
    const accountId = await created('/accounts', { name: 'Quoted Ltd' });
    const quoteId = await created('/quotes', {
      title: 'Many lines',
      accountId,
      currency: 'EUR',
      validUntil: '2099-12-31',
    });
    const line = (lineId: string) => ({
      lineId,
      productName: 'Part',
      quantity: 1,
      unitPrice: { amount: 1, currency: 'EUR' },
    });
    for (let i = 0; i < RECORD_LIMITS.quoteLines; i++)
      await t
        .http()
        .post(`/quotes/${quoteId}/lines`)
        .send(line(`l${i}`))
        .expect(200);
    await refusedPastLimit(
      () => t.http().post(`/quotes/${quoteId}/lines`).send(line('extra')),
      'QUOTE_LINES_TOO_MANY',
      { field: 'lines', limit: 100, count: 100 },
    );
  });

  it(`refuses pipeline stage ${RECORD_LIMITS.pipelineStages + 1}, at definition (400) and when added (422)`, async () => {
    const stages = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        stageId: `s${i}`,
        name: `Stage ${i}`,
        probability: 0.5,
      }));
    const before = await t.head();
    const tooMany = await t
      .http()
      .post('/pipelines')
      .send({ name: 'Long', stages: stages(RECORD_LIMITS.pipelineStages + 1) })
      .expect(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    expect(tooMany.body.fields.map((f: { field: string }) => f.field)).toContain('stages');
    expect(await t.head()).toBe(before);
    const pipelineId = await created('/pipelines', {
      name: 'Full',
      stages: stages(RECORD_LIMITS.pipelineStages),
    });
    await refusedPastLimit(
      () =>
        t
          .http()
          .post(`/pipelines/${pipelineId}/stages`)
          .send({ stage: { stageId: 'extra', name: 'Extra', probability: 0.9 } }),
      'PIPELINE_STAGES_TOO_MANY',
      { field: 'stages', limit: 50, count: 50 },
    );
  });
});
