import {
  createAccount,
  createContact,
  createPipeline,
  eventsOf,
  fieldsOf,
  openDeal,
} from '../../../../test/support/crm-fixtures';
import { ACTOR, startTestApp, TestApp } from '../../../../test/support/test-app';

describe('deals API', () => {
  let t: TestApp;
  let pipelineId: string;
  let accountId: string;
  beforeAll(async () => {
    t = await startTestApp();
    pipelineId = await createPipeline(t);
    accountId = await createAccount(t);
  });
  afterAll(() => t.close());

  const dealBody = (body: Record<string, unknown> = {}) => ({
    title: 'Analytical Engines - 50 seats',
    accountId,
    amount: { amount: 50000, currency: 'EUR' },
    pipelineId,
    stageId: 'discovery',
    expectedCloseDate: '2026-03-31',
    ...body,
  });
  const lastEvent = async (dealId: string) => (await eventsOf(t, 'deal', dealId)).at(-1);

  /** Sends a refused command and checks it appended nothing; answers the error body. */
  const refused = async (
    method: 'post' | 'put',
    path: string,
    body: Record<string, unknown>,
    status: number,
  ) => {
    const before = await t.head();
    const response = await t.http()[method](path).send(body).expect(status);
    expect(await t.head()).toBe(before);
    return response.body;
  };

  describe('opening', () => {
    it('opens a deal at the probability of its stage, owned by the actor by default', async () => {
      const response = await t.http().post('/deals').send(dealBody()).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        appended: 1,
      });
      expect(response.headers.etag).toBe('"0"');
      const events = await eventsOf(t, 'deal', response.body.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'DealOpened', revision: 0 });
      expect(events[0].data).toEqual({
        dealId: response.body.id,
        title: 'Analytical Engines - 50 seats',
        accountId,
        amount: { amountMinor: 5_000_000, currency: 'EUR' },
        pipelineId,
        stageId: 'discovery',
        probability: 0.1,
        expectedCloseDate: '2026-03-31',
        ownerId: ACTOR,
        openedAt: expect.any(String),
      });
    });

    it('opens a deal for a contact, with the owner and id the client gives', async () => {
      const contactId = await createContact(t);
      const body = dealBody({
        id: 'deal-for-ada',
        accountId: undefined,
        contactId,
        ownerId: 'user-7',
        stageId: 'proposal',
      });
      const response = await t.http().post('/deals').send(body).expect(201);
      expect(response.body.id).toBe('deal-for-ada');
      expect(await lastEvent('deal-for-ada')).toMatchObject({
        data: { contactId, ownerId: 'user-7', stageId: 'proposal', probability: 0.5 },
      });
      const again = await refused('post', '/deals', body, 409);
      expect(again.code).toBe('DEAL_ALREADY_EXISTS');
    });

    it('refuses an unknown pipeline with REFERENCE_NOT_FOUND on pipelineId', async () => {
      const body = await refused(
        'post',
        '/deals',
        dealBody({ pipelineId: 'no-such-pipeline' }),
        422,
      );
      expect(body).toMatchObject({
        statusCode: 422,
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'pipelineId', errors: ['pipeline no-such-pipeline does not exist'] }],
      });
    });

    it('refuses an unknown account or contact with REFERENCE_NOT_FOUND on that field', async () => {
      const account = await refused(
        'post',
        '/deals',
        dealBody({ accountId: 'no-such-account' }),
        422,
      );
      expect(account).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'accountId' }],
      });
      const contact = await refused(
        'post',
        '/deals',
        dealBody({ contactId: 'no-such-contact' }),
        422,
      );
      expect(contact).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'contactId' }],
      });
    });

    it('refuses a stage the pipeline does not have', async () => {
      const body = await refused('post', '/deals', dealBody({ stageId: 'no-such-stage' }), 422);
      expect(body).toMatchObject({
        code: 'DEAL_UNKNOWN_STAGE',
        details: {
          stageId: 'no-such-stage',
          knownStageIds: ['discovery', 'proposal', 'negotiation'],
        },
      });
    });

    it('refuses a deal with neither account nor contact, and an impossible close date', async () => {
      const noParty = await refused('post', '/deals', dealBody({ accountId: undefined }), 422);
      expect(noParty.code).toBe('DEAL_NO_PARTY');
      const badDate = await refused(
        'post',
        '/deals',
        dealBody({ expectedCloseDate: '2026-02-30' }),
        400,
      );
      expect(badDate.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(badDate)).toEqual(['expectedCloseDate']);
    });
  });

  it('changes the amount and the expected close date, recording nothing when unchanged', async () => {
    const dealId = await openDeal(t, pipelineId);
    const amount = await t
      .http()
      .post(`/deals/${dealId}/amount`)
      .send({ amount: { amount: 42000.5, currency: 'USD' } })
      .expect(200);
    expect(amount.body).toMatchObject({ id: dealId, revision: 1, appended: 1 });
    expect(await lastEvent(dealId)).toMatchObject({
      type: 'DealAmountChanged',
      data: {
        previousAmount: { amountMinor: 5_000_000, currency: 'EUR' },
        amount: { amountMinor: 4_200_050, currency: 'USD' },
      },
    });
    const sameAmount = await t
      .http()
      .post(`/deals/${dealId}/amount`)
      .send({ amount: { amount: 42000.5, currency: 'USD' } })
      .expect(200);
    expect(sameAmount.body).toMatchObject({ revision: 1, appended: 0 });

    const close = await t
      .http()
      .post(`/deals/${dealId}/expected-close`)
      .send({ expectedCloseDate: '2026-04-30' })
      .expect(200);
    expect(close.body).toMatchObject({ revision: 2, appended: 1 });
    expect(close.headers.etag).toBe('"2"');
    expect(await lastEvent(dealId)).toMatchObject({
      type: 'DealExpectedCloseChanged',
      data: { previousExpectedCloseDate: '2026-03-31', expectedCloseDate: '2026-04-30' },
    });
    for (const expectedCloseDate of ['2026-13-01', '2026-02-30']) {
      const impossible = await refused(
        'post',
        `/deals/${dealId}/expected-close`,
        { expectedCloseDate },
        400,
      );
      expect(impossible.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(impossible)).toEqual(['expectedCloseDate']);
    }
  });

  describe('stages', () => {
    it("moves a deal and records the new stage's current probability", async () => {
      const id = await createPipeline(t);
      const dealId = await openDeal(t, id);
      await t
        .http()
        .post(`/pipelines/${id}/stages/negotiation/probability`)
        .send({ probability: 0.65 })
        .expect(200);
      const moved = await t
        .http()
        .post(`/deals/${dealId}/stage`)
        .send({ stageId: 'negotiation' })
        .expect(200);
      expect(moved.body).toMatchObject({ id: dealId, revision: 1, appended: 1 });
      expect(await lastEvent(dealId)).toMatchObject({
        type: 'DealStageMoved',
        revision: 1,
        data: {
          dealId,
          fromStageId: 'discovery',
          toStageId: 'negotiation',
          probability: 0.65,
          movedAt: expect.any(String),
        },
      });
      const same = await t
        .http()
        .post(`/deals/${dealId}/stage`)
        .send({ stageId: 'negotiation' })
        .expect(200);
      expect(same.body).toMatchObject({ revision: 1, appended: 0 });
    });

    it('refuses a stage the pipeline does not have', async () => {
      const dealId = await openDeal(t, pipelineId);
      const body = await refused(
        'post',
        `/deals/${dealId}/stage`,
        { stageId: 'no-such-stage' },
        422,
      );
      expect(body).toMatchObject({
        code: 'DEAL_UNKNOWN_STAGE',
        details: { dealId, stageId: 'no-such-stage' },
      });
    });

    it('refuses to move a closed deal', async () => {
      const dealId = await openDeal(t, pipelineId);
      await t.http().post(`/deals/${dealId}/win`).expect(200);
      const body = await refused('post', `/deals/${dealId}/stage`, { stageId: 'proposal' }, 422);
      expect(body).toMatchObject({ code: 'DEAL_CLOSED', details: { dealId, status: 'won' } });
    });
  });

  describe('closing and reopening', () => {
    it('wins a deal at its latest amount and refuses to close it again', async () => {
      const dealId = await openDeal(t, pipelineId);
      await t
        .http()
        .post(`/deals/${dealId}/amount`)
        .send({ amount: { amount: 9000, currency: 'EUR' } })
        .expect(200);
      const won = await t.http().post(`/deals/${dealId}/win`).expect(200);
      expect(won.body).toMatchObject({ id: dealId, revision: 2, appended: 1 });
      expect(await lastEvent(dealId)).toMatchObject({
        type: 'DealWon',
        data: { dealId, amount: { amountMinor: 900_000, currency: 'EUR' } },
      });
      expect((await refused('post', `/deals/${dealId}/win`, {}, 422)).code).toBe('DEAL_CLOSED');
      expect((await refused('post', `/deals/${dealId}/lose`, { reason: 'x' }, 422)).code).toBe(
        'DEAL_CLOSED',
      );
      const amount = await refused(
        'post',
        `/deals/${dealId}/amount`,
        { amount: { amount: 1, currency: 'EUR' } },
        422,
      );
      expect(amount.code).toBe('DEAL_CLOSED');
    });

    it('loses a deal with a reason, then reopens it in the stage it was closed in', async () => {
      const dealId = await openDeal(t, pipelineId, { stageId: 'proposal' });
      const lost = await t
        .http()
        .post(`/deals/${dealId}/lose`)
        .send({ reason: 'went with a competitor' })
        .expect(200);
      expect(lost.body).toMatchObject({ revision: 1, appended: 1 });
      expect(await lastEvent(dealId)).toMatchObject({
        type: 'DealLost',
        data: { reason: 'went with a competitor' },
      });

      const reopened = await t.http().post(`/deals/${dealId}/reopen`).send({}).expect(200);
      expect(reopened.body).toMatchObject({ revision: 2, appended: 1 });
      expect(await lastEvent(dealId)).toMatchObject({
        type: 'DealReopened',
        data: { dealId, stageId: 'proposal', probability: 0.5 },
      });
      const again = await refused('post', `/deals/${dealId}/reopen`, {}, 422);
      expect(again).toMatchObject({ code: 'DEAL_NOT_CLOSED', details: { status: 'open' } });
    });

    it('reopens a won deal in the stage given, refusing one the pipeline does not have', async () => {
      const dealId = await openDeal(t, pipelineId);
      await t.http().post(`/deals/${dealId}/win`).expect(200);
      const unknown = await refused(
        'post',
        `/deals/${dealId}/reopen`,
        { stageId: 'no-such-stage' },
        422,
      );
      expect(unknown.code).toBe('DEAL_UNKNOWN_STAGE');
      await t.http().post(`/deals/${dealId}/reopen`).send({ stageId: 'negotiation' }).expect(200);
      expect(await lastEvent(dealId)).toMatchObject({
        type: 'DealReopened',
        revision: 2,
        data: { stageId: 'negotiation', probability: 0.8 },
      });
    });
  });

  it('answers 404 DEAL_NOT_FOUND for an unknown deal on every command', async () => {
    const path = '/deals/no-such-deal';
    const answers = [
      await refused('post', `${path}/amount`, { amount: { amount: 1, currency: 'EUR' } }, 404),
      await refused('post', `${path}/expected-close`, { expectedCloseDate: '2026-04-30' }, 404),
      await refused('post', `${path}/stage`, { stageId: 'proposal' }, 404),
      await refused('post', `${path}/win`, {}, 404),
      await refused('post', `${path}/lose`, { reason: 'x' }, 404),
      await refused('post', `${path}/reopen`, {}, 404),
    ];
    for (const answer of answers) expect(answer.code).toBe('DEAL_NOT_FOUND');
  });

  describe('validation', () => {
    it('lists every offending field of an opening and appends nothing', async () => {
      const body = await refused(
        'post',
        '/deals',
        {
          title: 42,
          accountId: 'bad id',
          amount: { amount: -1, currency: 'eur', rate: 1 },
          stageId: 'discovery',
          expectedCloseDate: '31/03/2026',
          ownerId: null,
          colour: 'red',
        },
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual([
        'accountId',
        'amount.amount',
        'amount.currency',
        'amount.rate',
        'colour',
        'expectedCloseDate',
        'ownerId',
        'pipelineId',
        'title',
      ]);
    });

    it('requires the amount and refuses an empty body', async () => {
      const body = await refused('post', '/deals', {}, 400);
      expect(fieldsOf(body)).toEqual([
        'amount',
        'expectedCloseDate',
        'pipelineId',
        'stageId',
        'title',
      ]);
    });

    it('checks the body of every deal command', async () => {
      const dealId = await openDeal(t, pipelineId);
      const amount = await refused('post', `/deals/${dealId}/amount`, { amount: 5 }, 400);
      expect(fieldsOf(amount)).toEqual(['amount']);
      const close = await refused(
        'post',
        `/deals/${dealId}/expected-close`,
        { expectedCloseDate: 'next week' },
        400,
      );
      expect(fieldsOf(close)).toEqual(['expectedCloseDate']);
      const stage = await refused(
        'post',
        `/deals/${dealId}/stage`,
        { stageId: null, probability: 1 },
        400,
      );
      expect(fieldsOf(stage)).toEqual(['probability', 'stageId']);
      const lose = await refused('post', `/deals/${dealId}/lose`, { reason: '' }, 400);
      expect(fieldsOf(lose)).toEqual(['reason']);
      const reopen = await refused('post', `/deals/${dealId}/reopen`, { stageId: null }, 400);
      expect(fieldsOf(reopen)).toEqual(['stageId']);
      const badId = await refused('post', '/deals/bad%20id/win', {}, 400);
      expect(badId.code).toBe('INVALID_RECORD_ID');
    });
  });

  it('applies If-Match only at the matching revision', async () => {
    const dealId = await openDeal(t, pipelineId);
    const before = await t.head();
    const stale = await t.http().post(`/deals/${dealId}/win`).set('if-match', '"1"').expect(412);
    expect(stale.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedRevision: 1, actualRevision: 0 },
    });
    expect(await t.head()).toBe(before);
    const won = await t.http().post(`/deals/${dealId}/win`).set('if-match', '"0"').expect(200);
    expect(won.body.revision).toBe(1);
  });

  it('replays an idempotent opening and refuses the key for another request', async () => {
    const first = await t
      .http()
      .post('/deals')
      .set('idempotency-key', 'deal-key-1')
      .send(dealBody())
      .expect(201);
    const before = await t.head();
    const repeat = await t
      .http()
      .post('/deals')
      .set('idempotency-key', 'deal-key-1')
      .send(dealBody())
      .expect(201);
    expect(repeat.body).toEqual({ ...first.body, appended: 0 });
    expect(await t.head()).toBe(before);
    const reused = await t
      .http()
      .post('/deals')
      .set('idempotency-key', 'deal-key-1')
      .send(dealBody({ title: 'Another' }))
      .expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
