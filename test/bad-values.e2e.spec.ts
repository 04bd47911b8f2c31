import { createPipeline, eventsOf, openDeal } from './support/crm-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Values refused by their rules, whatever JSON form they take; nothing is written. */
describe('bad values refused', () => {
  let t: TestApp;
  let pipelineId: string;
  let dealId: string;
  beforeAll(async () => {
    t = await startTestApp();
    pipelineId = await createPipeline(t);
    dealId = await openDeal(t, pipelineId);
  });
  afterAll(() => t.close());

  const refused = async (method: 'post' | 'patch', path: string, text: string) => {
    const before = await t.head();
    const response = await t
      .http()
      [method](path)
      .set('content-type', 'application/json')
      .send(text);
    expect(await t.head()).toBe(before);
    return response;
  };

  const campaign = (budget: string) =>
    `{"name":"Spring","channel":"email","budget":${budget},"startsOn":"2026-03-01","endsOn":"2026-03-31"}`;

  it.each([
    ['{"amount":0.0000001,"currency":"EUR"}', 'at most 2 decimal places'],
    ['{"amount":1e-7,"currency":"EUR"}', 'at most 2 decimal places'],
    ['{"amount":1.5,"currency":"JPY"}', 'at most 0 decimal places'],
    ['{"amount":1E20,"currency":"EUR"}', 'at most'],
    ['{"amount":-0.01,"currency":"EUR"}', 'negative'],
    ['{"amount":"12","currency":"EUR"}', 'must be a number'],
  ])('refuses the amount %s on campaigns and deals with 400', async (money, rule) => {
    for (const [method, path, text] of [
      ['post', '/campaigns', campaign(money)],
      ['post', `/deals/${dealId}/amount`, `{"amount":${money}}`],
    ] as const) {
      const response = await refused(method, path, text);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(response.body.fields).toEqual([
        { field: expect.stringMatching(/amount$/), errors: [expect.stringContaining(rule)] },
      ]);
    }
  });

  it('accepts amounts in the minor units of their currency, stored as integer minor units', async () => {
    for (const [amount, stored] of [
      [
        { amount: 1234.5, currency: 'EUR' },
        { amountMinor: 123450, currency: 'EUR' },
      ],
      [
        { amount: 1.234, currency: 'KWD' },
        { amountMinor: 1234, currency: 'KWD' },
      ],
    ]) {
      await t.http().post(`/deals/${dealId}/amount`).send({ amount }).expect(200);
      const last = (await eventsOf(t, 'deal', dealId)).at(-1);
      expect(last?.data).toMatchObject({ amount: stored });
    }
  });

  it.each(['[{"city":"Berlin"}]', '[]', '"Berlin"', 'null'])(
    'refuses an address that is not an object (%s) on accounts and contacts',
    async (address) => {
      for (const [path, text] of [
        ['/accounts', `{"name":"x","address":${address}}`],
        ['/contacts', `{"firstName":"Ada","lastName":"L","address":${address}}`],
      ]) {
        const response = await refused('post', path, text);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.body.fields).toEqual([
          expect.objectContaining({ field: 'address', errors: expect.any(Array) }),
        ]);
      }
    },
  );

  it('refuses an array element that is not an object', async () => {
    const response = await refused(
      'post',
      '/contacts',
      '{"firstName":"Ada","lastName":"L","emails":[["a@b.c"]]}',
    );
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'emails' })]),
    );
  });

  it.each(['9223372036854775808', '1e3', '0x10', '1.0', '-1', ''])(
    'refuses fromRevision=%s on the audit trail with a query error',
    async (value) => {
      const response = await t.http().get(`/audit/deal/${dealId}?fromRevision=${value}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'the query parameters are invalid',
        fields: [{ field: 'fromRevision', errors: expect.any(Array) }],
      });
    },
  );

  it('reads the audit trail from a revision written in digits', async () => {
    const response = await t.http().get(`/audit/deal/${dealId}?fromRevision=1`).expect(200);
    expect(response.body.events[0].revision).toBe(1);
  });
});
