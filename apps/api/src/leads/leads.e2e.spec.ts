import { deterministicId } from '@crm/application';
import {
  createAccount,
  createPipeline,
  eventsOf,
  fieldsOf,
} from '../../../../test/support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../../../../test/support/test-app';

describe('leads API', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The conversion's process manager would append to the log in the background, racing the
    // "nothing appended" checks; what it creates is another suite's concern.
    t = await startTestApp({ CRM_RUN_PROCESSES: 'false' });
  });
  afterAll(() => t.close());

  const contact = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@analytical.example',
    company: 'Analytical Engines',
    title: 'CTO',
  };
  const capture = (body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/leads')
      .send({ source: 'webinar', contact, ...body });
  const captureId = async (body: Record<string, unknown> = {}): Promise<string> =>
    (await capture(body).expect(201)).body.id as string;
  const qualifiedLead = async (body: Record<string, unknown> = {}): Promise<string> => {
    const leadId = await captureId(body);
    await t.http().post(`/leads/${leadId}/qualify`).send({}).expect(200);
    return leadId;
  };
  const lastEvent = async (leadId: string) => (await eventsOf(t, 'lead', leadId)).at(-1);

  /** Sends a refused command and checks it appended nothing; answers the error body. */
  const refused = async (path: string, body: Record<string, unknown>, status: number) => {
    const before = await t.head();
    const response = await t.http().post(path).send(body).expect(status);
    expect(await t.head()).toBe(before);
    return response.body;
  };

  describe('capturing', () => {
    it('captures a lead and answers with id, revision, position and ETag', async () => {
      const response = await capture({ initialScore: 10, ownerId: 'user-7' }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        appended: 1,
      });
      expect(response.headers.etag).toBe('"0"');
      expect(await eventsOf(t, 'lead', response.body.id)).toEqual([
        expect.objectContaining({
          type: 'LeadCaptured',
          revision: 0,
          data: {
            leadId: response.body.id,
            source: 'webinar',
            contact,
            score: 10,
            ownerId: 'user-7',
            capturedAt: expect.any(String),
          },
        }),
      ]);
    });

    it('starts the score at 0 and accepts a phone as the only channel', async () => {
      const phoneOnly = { firstName: 'Alan', lastName: 'Turing', phone: '+44 20 7946 0000' };
      const leadId = await captureId({ id: 'lead-alan', contact: phoneOnly });
      expect(leadId).toBe('lead-alan');
      expect(await lastEvent(leadId)).toMatchObject({ data: { contact: phoneOnly, score: 0 } });
      const again = await refused(
        '/leads',
        { id: 'lead-alan', source: 'webinar', contact: phoneOnly },
        409,
      );
      expect(again.code).toBe('LEAD_ALREADY_EXISTS');
    });

    it('refuses a lead that cannot be reached', async () => {
      const body = await refused(
        '/leads',
        { source: 'webinar', contact: { firstName: 'Ada', lastName: 'Lovelace', phone: ' ' } },
        422,
      );
      expect(body).toMatchObject({ statusCode: 422, code: 'LEAD_NO_CONTACT_CHANNEL' });
    });

    it('refuses an unknown campaign with REFERENCE_NOT_FOUND on campaignId', async () => {
      const body = await refused(
        '/leads',
        { source: 'webinar', contact, campaignId: 'no-such-campaign' },
        422,
      );
      expect(body).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'campaignId', errors: ['campaign no-such-campaign does not exist'] }],
      });
    });

    it('lists every offending field, nested ones included, and appends nothing', async () => {
      const body = await refused(
        '/leads',
        {
          contact: { firstName: '', email: 'not-an-email', fax: '1', phone: null },
          initialScore: 'high',
          colour: 'red',
        },
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual([
        'colour',
        'contact.email',
        'contact.fax',
        'contact.firstName',
        'contact.lastName',
        'contact.phone',
        'initialScore',
        'source',
      ]);
      const noContact = await refused('/leads', { source: 'webinar' }, 400);
      expect(fieldsOf(noContact)).toEqual(['contact']);
    });
  });

  describe('working a lead', () => {
    it('adjusts the score from the latest total and refuses a zero delta', async () => {
      const leadId = await captureId({ initialScore: 10 });
      const scored = await t
        .http()
        .post(`/leads/${leadId}/score`)
        .send({ delta: 15, reason: 'opened pricing' })
        .expect(200);
      expect(scored.body).toMatchObject({ id: leadId, revision: 1, appended: 1 });
      expect(scored.headers.etag).toBe('"1"');
      await t
        .http()
        .post(`/leads/${leadId}/score`)
        .send({ delta: -30, reason: 'unsubscribed' })
        .expect(200);
      expect(await lastEvent(leadId)).toMatchObject({
        type: 'LeadScoreAdjusted',
        revision: 2,
        data: { leadId, delta: -30, reason: 'unsubscribed', score: -5 },
      });
      const zero = await refused(`/leads/${leadId}/score`, { delta: 0, reason: 'nothing' }, 422);
      expect(zero.code).toBe('LEAD_SCORE_DELTA_ZERO');
      const fraction = await refused(`/leads/${leadId}/score`, { delta: 1.5 }, 400);
      expect(fieldsOf(fraction)).toEqual(['delta', 'reason']);
    });

    it('assigns an owner, remembering the previous one, and records nothing for the same owner', async () => {
      const leadId = await captureId({ ownerId: 'user-7' });
      const assigned = await t
        .http()
        .post(`/leads/${leadId}/assign`)
        .send({ ownerId: 'user-9' })
        .expect(200);
      expect(assigned.body).toMatchObject({ revision: 1, appended: 1 });
      expect(await lastEvent(leadId)).toMatchObject({
        type: 'LeadAssigned',
        data: { leadId, ownerId: 'user-9', previousOwnerId: 'user-7' },
      });
      const same = await t
        .http()
        .post(`/leads/${leadId}/assign`)
        .send({ ownerId: 'user-9' })
        .expect(200);
      expect(same.body).toMatchObject({ revision: 1, appended: 0 });
      const missing = await refused(`/leads/${leadId}/assign`, {}, 400);
      expect(fieldsOf(missing)).toEqual(['ownerId']);
    });

    it('disqualifies with a reason and qualifies again with a note', async () => {
      const leadId = await captureId();
      const disqualified = await t
        .http()
        .post(`/leads/${leadId}/disqualify`)
        .send({ reason: 'no budget' })
        .expect(200);
      expect(disqualified.body).toMatchObject({ revision: 1, appended: 1 });
      expect(await lastEvent(leadId)).toMatchObject({
        type: 'LeadDisqualified',
        data: { reason: 'no budget' },
      });
      const qualified = await t
        .http()
        .post(`/leads/${leadId}/qualify`)
        .send({ note: 'budget approved' })
        .expect(200);
      expect(qualified.body).toMatchObject({ revision: 2, appended: 1 });
      expect(await lastEvent(leadId)).toMatchObject({
        type: 'LeadQualified',
        data: { note: 'budget approved' },
      });
      const again = await t.http().post(`/leads/${leadId}/qualify`).send({}).expect(200);
      expect(again.body).toMatchObject({ revision: 2, appended: 0 });

      const noReason = await refused(`/leads/${leadId}/disqualify`, { reason: '' }, 400);
      expect(fieldsOf(noReason)).toEqual(['reason']);
      const nullNote = await refused(`/leads/${leadId}/qualify`, { note: null }, 400);
      expect(fieldsOf(nullNote)).toEqual(['note']);
    });

    it('answers 404 LEAD_NOT_FOUND for an unknown lead on every command', async () => {
      const path = '/leads/no-such-lead';
      const answers = [
        await refused(`${path}/score`, { delta: 1, reason: 'click' }, 404),
        await refused(`${path}/assign`, { ownerId: 'user-9' }, 404),
        await refused(`${path}/qualify`, {}, 404),
        await refused(`${path}/disqualify`, { reason: 'x' }, 404),
        await refused(`${path}/convert`, {}, 404),
      ];
      for (const answer of answers) expect(answer.code).toBe('LEAD_NOT_FOUND');
      expect((await refused('/leads/bad%20id/qualify', {}, 400)).code).toBe('INVALID_RECORD_ID');
    });
  });

  describe('converting', () => {
    const dealRequest = (pipelineId: string, body: Record<string, unknown> = {}) => ({
      title: 'Analytical Engines - 50 seats',
      pipelineId,
      amount: { amount: 50000, currency: 'EUR' },
      expectedCloseDate: '2026-03-31',
      ...body,
    });
    const derived = (leadId: string, part: string) =>
      deterministicId(TENANT, 'lead-conversion', leadId, part);

    it('refuses a lead that is not qualified', async () => {
      const leadId = await captureId();
      const body = await refused(`/leads/${leadId}/convert`, {}, 422);
      expect(body).toMatchObject({
        code: 'LEAD_NOT_QUALIFIED',
        details: { leadId, status: 'new' },
      });
    });

    it('records the derived contact, account and deal ids, and refuses to convert twice', async () => {
      const pipelineId = await createPipeline(t);
      const leadId = await qualifiedLead({ ownerId: 'user-7' });
      const deal = dealRequest(pipelineId);
      const converted = await t.http().post(`/leads/${leadId}/convert`).send({ deal }).expect(200);
      expect(converted.body).toEqual({
        id: leadId,
        revision: 2,
        position: expect.stringMatching(/^\d+$/),
        appended: 1,
      });
      expect(converted.headers.etag).toBe('"2"');

      const event = await lastEvent(leadId);
      expect(event).toMatchObject({ type: 'LeadConverted', revision: 2 });
      expect(event?.data).toEqual({
        leadId,
        contactId: derived(leadId, 'contact'),
        account: { accountId: derived(leadId, 'account'), createWithName: 'Analytical Engines' },
        deal: {
          ...deal,
          amount: { amountMinor: 5_000_000, currency: 'EUR' },
          dealId: derived(leadId, 'deal'),
          stageId: 'discovery',
        },
        contact,
        ownerId: 'user-7',
        source: 'webinar',
        convertedAt: expect.any(String),
      });

      const again = await refused(`/leads/${leadId}/convert`, { deal }, 422);
      expect(again).toMatchObject({
        code: 'LEAD_CONVERTED',
        details: { leadId, status: 'converted' },
      });
      const score = await refused(
        `/leads/${leadId}/score`,
        { delta: 5, reason: 'late click' },
        422,
      );
      expect(score.code).toBe('LEAD_CONVERTED');
    });

    it('converts into an existing account, with the deal in the stage asked for', async () => {
      const pipelineId = await createPipeline(t);
      const accountId = await createAccount(t);
      const leadId = await qualifiedLead();
      await t
        .http()
        .post(`/leads/${leadId}/convert`)
        .send({ accountId, deal: dealRequest(pipelineId, { stageId: 'proposal' }) })
        .expect(200);
      expect(await lastEvent(leadId)).toMatchObject({
        type: 'LeadConverted',
        data: { account: { accountId }, deal: { pipelineId, stageId: 'proposal' } },
      });
      expect((await lastEvent(leadId))?.data.account).toEqual({ accountId });
    });

    it('converts into a contact alone when told not to create an account', async () => {
      const leadId = await qualifiedLead();
      await t.http().post(`/leads/${leadId}/convert`).send({ createAccount: false }).expect(200);
      const event = await lastEvent(leadId);
      expect(event).toMatchObject({
        type: 'LeadConverted',
        data: { contactId: derived(leadId, 'contact') },
      });
      expect(event?.data).not.toHaveProperty('account');
      expect(event?.data).not.toHaveProperty('deal');
    });

    it('refuses an unknown account, pipeline or stage with REFERENCE_NOT_FOUND on that field', async () => {
      const pipelineId = await createPipeline(t);
      const leadId = await qualifiedLead();
      const account = await refused(
        `/leads/${leadId}/convert`,
        { accountId: 'no-such-account' },
        422,
      );
      expect(account).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'accountId' }],
      });
      const pipeline = await refused(
        `/leads/${leadId}/convert`,
        { deal: dealRequest('no-such-pipeline') },
        422,
      );
      expect(pipeline).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'deal.pipelineId' }],
      });
      const stage = await refused(
        `/leads/${leadId}/convert`,
        { deal: dealRequest(pipelineId, { stageId: 'no-such-stage' }) },
        422,
      );
      expect(stage).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'deal.stageId' }],
      });
    });

    it('lists every offending field of a conversion, and refuses a leadId in the body', async () => {
      const leadId = await qualifiedLead();
      const body = await refused(
        `/leads/${leadId}/convert`,
        {
          leadId: 'someone-else',
          createAccount: 'yes',
          deal: {
            title: '',
            pipelineId: 'pipeline-1',
            amount: { amount: 1, currency: 'EUR' },
            expectedCloseDate: '31/03/2026',
            probability: 1,
          },
        },
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual([
        'createAccount',
        'deal.expectedCloseDate',
        'deal.probability',
        'deal.title',
        'leadId',
      ]);
      const noAmount = await refused(
        `/leads/${leadId}/convert`,
        { deal: { ...dealRequest('p'), amount: undefined } },
        400,
      );
      expect(fieldsOf(noAmount)).toEqual(['deal.amount']);
    });
  });

  it('applies If-Match only at the matching revision', async () => {
    const leadId = await captureId();
    const before = await t.head();
    const stale = await t
      .http()
      .post(`/leads/${leadId}/qualify`)
      .set('if-match', '"2"')
      .send({})
      .expect(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect(await t.head()).toBe(before);
    await t.http().post(`/leads/${leadId}/qualify`).set('if-match', '"0"').send({}).expect(200);
  });
});
