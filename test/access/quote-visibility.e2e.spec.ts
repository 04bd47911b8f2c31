import { createAccount, createPipeline, openDeal } from '../support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../support/test-app';

/** A quote tells its deal's price: a sales rep sees only the quotes of the deals they see. */
describe('row rules: quotes follow their deal', () => {
  let t: TestApp;
  let accountId: string;
  const quotes: Record<'rep-a' | 'rep-b', string> = { 'rep-a': '', 'rep-b': '' };
  let head: bigint;

  const read = (subject: string, path: string) =>
    t
      .as(TENANT, { subject, roles: ['sales-rep'] })
      .get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`);

  beforeAll(async () => {
    t = await startTestApp();
    const pipelineId = await createPipeline(t);
    accountId = await createAccount(t);
    for (const ownerId of ['rep-a', 'rep-b'] as const) {
      const dealId = await openDeal(t, pipelineId, { ownerId, accountId });
      const quote = await t
        .http()
        .post('/quotes')
        .send({
          title: `Offer of ${ownerId}`,
          accountId,
          dealId,
          currency: 'EUR',
          validUntil: '2099-12-31',
        })
        .expect(201);
      quotes[ownerId] = quote.body.id as string;
    }
    head = await t.head();
  });
  afterAll(() => t.close());

  it.each([
    ['rep-a', 'rep-b'],
    ['rep-b', 'rep-a'],
  ] as const)(
    '%s reads their own deal’s quote and gets 404 for the other rep’s',
    async (me, other) => {
      expect((await read(me, `/quotes/${quotes[me]}`).expect(200)).body.quoteId).toBe(quotes[me]);
      expect((await read(me, `/quotes/${quotes[other]}`).expect(404)).body.code).toBe(
        'QUOTE_NOT_FOUND',
      );
      const account = (await read(me, `/accounts/${accountId}/360`).expect(200)).body;
      expect(account.quotes.map((q: { quoteId: string }) => q.quoteId)).toEqual([quotes[me]]);
    },
  );

  it('shows a manager every quote', async () => {
    const manager = t.as(TENANT, { subject: 'boss', roles: ['manager'] });
    for (const id of Object.values(quotes)) {
      await manager.get(`/quotes/${id}?minPosition=${head}`).expect(200);
    }
    const account = (
      await manager.get(`/accounts/${accountId}/360?minPosition=${head}`).expect(200)
    ).body;
    expect(account.quotes).toHaveLength(2);
  });
});
