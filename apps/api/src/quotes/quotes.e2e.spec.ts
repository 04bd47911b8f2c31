import {
  createAccount,
  createPipeline,
  eventsOf,
  fieldsOf,
  openDeal,
} from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

describe('quotes API', () => {
  let t: TestApp;
  let accountId: string;
  let dealId: string;
  beforeAll(async () => {
    t = await startTestApp();
    accountId = await createAccount(t);
    dealId = await openDeal(t, await createPipeline(t), { accountId });
  });
  afterAll(() => t.close());

  const quoteBody = (body: Record<string, unknown> = {}) => ({
    title: 'Analytical Engines - 50 seats',
    accountId,
    dealId,
    currency: 'EUR',
    validUntil: '2099-12-31',
    ...body,
  });
  const line = (lineId: string, body: Record<string, unknown> = {}) => ({
    lineId,
    productName: 'Engine seat licence',
    quantity: 50,
    unitPrice: { amount: 240.5, currency: 'EUR' },
    discountPercent: 10,
    ...body,
  });
  const createQuote = async (body: Record<string, unknown> = {}): Promise<string> =>
    (await t.http().post('/quotes').send(quoteBody(body)).expect(201)).body.id as string;

  const refused = async (
    method: 'post' | 'patch' | 'delete',
    path: string,
    body: Record<string, unknown>,
    status: number,
  ) => {
    const before = await t.head();
    const response = await t.http()[method](path).send(body).expect(status);
    expect(await t.head()).toBe(before);
    return response.body;
  };

  const read = async (quoteId: string, position: string) =>
    (await t.http().get(`/quotes/${quoteId}?minPosition=${position}`).expect(200)).body;

  it('prices a quote exactly, sends and accepts it, and shows it with its lines and totals', async () => {
    const quoteId = await createQuote();
    await t.http().post(`/quotes/${quoteId}/lines`).send(line('l-1')).expect(200);
    await t
      .http()
      .post(`/quotes/${quoteId}/lines`)
      .send(
        line('l-2', {
          productName: 'Punched cards',
          quantity: 3,
          unitPrice: { amount: 0.1, currency: 'EUR' },
          discountPercent: 0,
        }),
      )
      .expect(200);
    await t.http().patch(`/quotes/${quoteId}/lines/l-1`).send({ quantity: 40 }).expect(200);
    await t.http().post(`/quotes/${quoteId}/discount`).send({ discountPercent: 5 }).expect(200);
    await t.http().post(`/quotes/${quoteId}/send`).expect(200);
    const accepted = await t.http().post(`/quotes/${quoteId}/accept`).expect(200);

    const quote = await read(quoteId, accepted.body.position);
    // 40 x 240.50 less 10 % = 8658.00; 3 x 0.10 = 0.30; subtotal 8658.30, 5 % off = 432.92 (432.915)
    expect(quote).toMatchObject({
      quoteId,
      accountId,
      dealId,
      status: 'accepted',
      version: 1,
      subtotal: { amount: 8658.3, currency: 'EUR' },
      discount: { amount: 432.92, currency: 'EUR' },
      total: { amount: 8225.38, currency: 'EUR' },
    });
    expect(quote.lines.map((l: { lineId: string; net: unknown }) => [l.lineId, l.net])).toEqual([
      ['l-1', { amount: 8658, currency: 'EUR' }],
      ['l-2', { amount: 0.3, currency: 'EUR' }],
    ]);
    expect((await eventsOf(t, 'quote', quoteId)).map((e) => e.type)).toEqual([
      'QuoteCreated',
      'QuoteLineAdded',
      'QuoteLineAdded',
      'QuoteLineChanged',
      'QuoteDiscountSet',
      'QuoteSent',
      'QuoteAccepted',
    ]);

    // The accepted quote sets the deal's amount; the deal detail, the account 360 and the
    // timelines show the quote.
    const applied = await t
      .http()
      .post(`/deals/${dealId}/amount-from-quote`)
      .send({ quoteId })
      .expect(200);
    expect((await eventsOf(t, 'deal', dealId)).at(-1)).toMatchObject({
      type: 'DealAmountChanged',
      data: { amount: { amountMinor: 822_538, currency: 'EUR' }, quoteId },
    });
    const at = `minPosition=${applied.body.position}`;
    const detail = (await t.http().get(`/deals/${dealId}?${at}`).expect(200)).body;
    expect(detail.deal.amount).toEqual({ amount: 8225.38, currency: 'EUR' });
    expect(detail.quotes).toEqual([
      expect.objectContaining({ quoteId, status: 'accepted', total: quote.total }),
    ]);
    const account = (await t.http().get(`/accounts/${accountId}/360?${at}`).expect(200)).body;
    expect(account.quotes.map((q: { quoteId: string }) => q.quoteId)).toContain(quoteId);
    const timeline = (await t.http().get(`/deals/${dealId}/timeline?${at}`).expect(200)).body;
    const summaries = timeline.entries.map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Quote accepted (version 1, 8225.38 EUR)',
        'Quote sent (version 1, 8225.38 EUR)',
      ]),
    );
  });

  it('fixes the lines once sent, until the quote is revised into a new version', async () => {
    const quoteId = await createQuote();
    await t.http().post(`/quotes/${quoteId}/lines`).send(line('l-1')).expect(200);
    await t.http().post(`/quotes/${quoteId}/send`).expect(200);
    const body = await refused('patch', `/quotes/${quoteId}/lines/l-1`, { quantity: 2 }, 422);
    expect(body.code).toBe('QUOTE_NOT_DRAFT');
    await t.http().post(`/quotes/${quoteId}/revise`).send({ validUntil: '2099-06-30' }).expect(200);
    await t.http().patch(`/quotes/${quoteId}/lines/l-1`).send({ quantity: 2 }).expect(200);
    const removed = await t.http().delete(`/quotes/${quoteId}/lines/l-1`).expect(200);
    expect(await read(quoteId, removed.body.position)).toMatchObject({
      status: 'draft',
      version: 2,
      validUntil: '2099-06-30',
      lines: [],
      total: { amount: 0, currency: 'EUR' },
    });
  });

  it('refuses a draft acceptance, a rejection without reason, and an accepted deal amount from a rejected quote', async () => {
    const quoteId = await createQuote();
    await t.http().post(`/quotes/${quoteId}/lines`).send(line('l-1')).expect(200);
    expect((await refused('post', `/quotes/${quoteId}/accept`, {}, 422)).code).toBe(
      'QUOTE_NOT_SENT',
    );
    await t.http().post(`/quotes/${quoteId}/send`).expect(200);
    expect(fieldsOf(await refused('post', `/quotes/${quoteId}/reject`, {}, 400))).toEqual([
      'reason',
    ]);
    await t.http().post(`/quotes/${quoteId}/reject`).send({ reason: 'too dear' }).expect(200);
    const body = await refused('post', `/deals/${dealId}/amount-from-quote`, { quoteId }, 422);
    expect(body.code).toBe('DEAL_QUOTE_NOT_ACCEPTED');
  });

  it('refuses bad input with the offending fields and writes nothing', async () => {
    const body = await refused(
      'post',
      '/quotes',
      quoteBody({ currency: 'euro', validUntil: '2026-02-30', surprise: 1 }),
      400,
    );
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual(['currency', 'surprise', 'validUntil']);
    const quoteId = await createQuote();
    const lineBody = await refused(
      'post',
      `/quotes/${quoteId}/lines`,
      line('l-1', {
        quantity: 1.5,
        unitPrice: { amount: 1.234, currency: 'EUR' },
        discountPercent: 101,
      }),
      400,
    );
    expect(fieldsOf(lineBody)).toEqual(['discountPercent', 'quantity', 'unitPrice.amount']);
    const mismatch = await refused(
      'post',
      `/quotes/${quoteId}/lines`,
      line('l-1', { unitPrice: { amount: 10, currency: 'USD' } }),
      422,
    );
    expect(mismatch.code).toBe('QUOTE_CURRENCY_MISMATCH');
    expect((await refused('post', `/quotes/${quoteId}/send`, {}, 422)).code).toBe('QUOTE_NO_LINES');
    expect((await refused('post', `/quotes/${quoteId}/send`, { now: true }, 400)).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it("refuses a currency other than the deal's and references that do not exist", async () => {
    expect((await refused('post', '/quotes', quoteBody({ currency: 'USD' }), 422)).code).toBe(
      'QUOTE_CURRENCY_MISMATCH',
    );
    const missing = await refused('post', '/quotes', quoteBody({ dealId: 'no-such-deal' }), 422);
    expect(missing).toMatchObject({ code: 'REFERENCE_NOT_FOUND', fields: [{ field: 'dealId' }] });
    expect((await refused('post', '/quotes/no-such-quote/send', {}, 404)).code).toBe(
      'QUOTE_NOT_FOUND',
    );
    await t.http().get('/quotes/no-such-quote').expect(404);
  });
});
