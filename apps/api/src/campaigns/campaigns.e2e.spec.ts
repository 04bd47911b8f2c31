import { createContact } from '../../../../test/support/direct-commands';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type FieldError = { field: string; errors: string[] };
type Body = Record<string, unknown> & { fields?: FieldError[] };
const fieldsOf = (body: Body): string[] => (body.fields ?? []).map((f) => f.field).sort();

const AT = '2026-03-05T12:00:00.000Z';

describe('campaigns API', () => {
  let t: TestApp;
  let ada: string;
  let bob: string;
  beforeAll(async () => {
    t = await startTestApp();
    ada = await createContact(t, { firstName: 'Ada' });
    bob = await createContact(t, { firstName: 'Bob' });
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/campaigns')
      .send({
        name: 'Spring launch',
        channel: 'email',
        budget: { amount: 5000, currency: 'EUR' },
        startsOn: '2026-03-01',
        endsOn: '2026-03-31',
        ...body,
      });
  const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/campaigns/${id}/${action}`).send(body);
  const audit = async (id: string) =>
    (await t.http().get(`/audit/campaign/${id}`).expect(200)).body.events;
  const createdId = async (): Promise<string> => (await create().expect(201)).body.id;

  /** Sends a request that must be refused, checks status and nothing appended, returns the body. */
  const refused = async (
    send: () => PromiseLike<{ status: number; body: Body }>,
    status: number,
  ) => {
    const before = await t.head();
    const response = await send();
    expect(response.status).toBe(status);
    expect(await t.head()).toBe(before);
    return response.body;
  };

  describe('POST /campaigns', () => {
    it('creates a campaign and answers with id, revision, position and ETag', async () => {
      const response = await create({ id: 'campaign-1' }).expect(201);
      expect(response.body).toEqual({
        id: 'campaign-1',
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        appended: 1,
      });
      expect(response.headers.etag).toBe('"0"');
      const [created] = await audit('campaign-1');
      expect(created).toMatchObject({
        type: 'CampaignCreated',
        data: {
          campaignId: 'campaign-1',
          name: 'Spring launch',
          channel: 'email',
          budget: { amountMinor: 500_000, currency: 'EUR' },
          startsOn: '2026-03-01',
          endsOn: '2026-03-31',
        },
      });
    });

    it('accepts a one-day campaign', async () => {
      await create({ startsOn: '2026-04-01', endsOn: '2026-04-01' }).expect(201);
    });

    it('lists every wrong, missing and unknown field, nested ones by path', async () => {
      const body = await refused(
        () =>
          t
            .http()
            .post('/campaigns')
            .send({
              name: '',
              channel: 'billboard',
              budget: { amount: -1, currency: 'euro' },
              startsOn: '1 March',
              goal: 'leads',
            }),
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual([
        'budget.amount',
        'budget.currency',
        'channel',
        'endsOn',
        'goal',
        'name',
        'startsOn',
      ]);
    });

    it('refuses dates that are not written YYYY-MM-DD', async () => {
      const body = await refused(() => create({ startsOn: '2026-3-1', endsOn: '31.03.2026' }), 400);
      expect(fieldsOf(body)).toEqual(['endsOn', 'startsOn']);
    });

    it('refuses a calendar date that does not exist with 400 naming the field', async () => {
      const body = await refused(
        () => create({ startsOn: '2026-02-30', endsOn: '2026-03-31' }),
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual(['startsOn']);
    });

    it('refuses a period that ends before it starts', async () => {
      const body = await refused(
        () => create({ startsOn: '2026-03-31', endsOn: '2026-03-01' }),
        422,
      );
      expect(body).toMatchObject({ statusCode: 422, code: 'CAMPAIGN_INVALID_PERIOD' });
    });

    it.each([
      ['missing', undefined],
      ['null', null],
      ['not an object', 5000],
    ])('refuses a budget that is %s with 400 naming budget', async (_case, budget) => {
      const body = await refused(() => create({ budget }), 400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual(['budget']);
    });

    it('refuses an id that is already taken with 409', async () => {
      await create({ id: 'campaign-taken' }).expect(201);
      const body = await refused(() => create({ id: 'campaign-taken' }), 409);
      expect(body.code).toBe('CAMPAIGN_ALREADY_EXISTS');
    });
  });

  describe('members, touches and completion', () => {
    it('adds members once each, records touches, removes members and completes', async () => {
      const id = await createdId();
      const added = await act(id, 'members', { contactIds: [ada, bob, ada] }).expect(200);
      expect(added.body).toMatchObject({ id, revision: 1, appended: 1 });
      expect(added.headers.etag).toBe('"1"');

      const before = await t.head();
      const again = await act(id, 'members', { contactIds: [bob] }).expect(200);
      expect(again.body).toMatchObject({ revision: 1, appended: 0 });
      expect(await t.head()).toBe(before);

      const touched = await act(id, 'touches', { contactId: ada, touch: 'opened', occurredAt: AT });
      expect(touched.status).toBe(200);
      expect(touched.body).toMatchObject({ revision: 2, appended: 1 });
      const removed = await act(id, 'members/remove', {
        contactIds: [bob, 'never-a-member'],
      }).expect(200);
      expect(removed.body).toMatchObject({ revision: 3, appended: 1 });
      const completed = await act(id, 'complete').expect(200);
      expect(completed.body).toMatchObject({ revision: 4, appended: 1 });

      const events = await audit(id);
      expect(events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([
        ['CampaignCreated', expect.any(Object)],
        ['CampaignMembersAdded', { campaignId: id, contactIds: [ada, bob] }],
        [
          'CampaignTouchRecorded',
          { campaignId: id, contactId: ada, touch: 'opened', occurredAt: AT },
        ],
        ['CampaignMembersRemoved', { campaignId: id, contactIds: [bob] }],
        ['CampaignCompleted', { campaignId: id, completedAt: expect.any(String) }],
      ]);
    });

    it('answers a repeated completion with nothing appended, and refuses changes after it', async () => {
      const id = await createdId();
      await act(id, 'complete').expect(200);
      const before = await t.head();
      const again = await act(id, 'complete').expect(200);
      expect(again.body).toMatchObject({ revision: 1, appended: 0 });
      expect(await t.head()).toBe(before);

      for (const [action, body] of [
        ['members', { contactIds: [ada] }],
        ['members/remove', { contactIds: [ada] }],
        ['touches', { contactId: ada, touch: 'sent', occurredAt: AT }],
      ] as const) {
        const refusal = await refused(() => act(id, action, body), 422);
        expect(refusal.code).toBe('CAMPAIGN_COMPLETED');
      }
    });

    it('refuses a touch for a contact that is not a member', async () => {
      const id = await createdId();
      const body = await refused(
        () => act(id, 'touches', { contactId: ada, touch: 'clicked', occurredAt: AT }),
        422,
      );
      expect(body).toMatchObject({ code: 'CAMPAIGN_NOT_A_MEMBER', details: { contactId: ada } });
    });

    it('refuses members that do not exist, naming the first by its index', async () => {
      const id = await createdId();
      const body = await refused(
        () => act(id, 'members', { contactIds: [ada, 'ghost', 'ghost-2'] }),
        422,
      );
      expect(body).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'contactIds[1]', errors: ['contact ghost does not exist'] }],
      });
    });

    it('accepts up to 1000 contact ids and refuses an empty list, 1001 ids or bad ids', async () => {
      const id = await createdId();
      const thousand = Array.from({ length: 1000 }, (_, i) => `missing-${i}`);
      const checked = await refused(() => act(id, 'members', { contactIds: thousand }), 422);
      expect(checked).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'contactIds[0]' }],
      });

      for (const contactIds of [[], [...thousand, 'one-more'], [ada, 'bad id!'], 'ada', [ada, 7]]) {
        for (const action of ['members', 'members/remove']) {
          const refusal = await refused(() => act(id, action, { contactIds }), 400);
          expect(refusal.code).toBe('VALIDATION_FAILED');
          expect(fieldsOf(refusal)).toEqual(['contactIds']);
        }
      }
    });

    it('refuses a bad touch or complete body with the offending fields', async () => {
      const id = await createdId();
      const touch = await refused(
        () => act(id, 'touches', { contactId: 'bad id!', touch: 'liked', occurredAt: 'yesterday' }),
        400,
      );
      expect(fieldsOf(touch)).toEqual(['contactId', 'occurredAt', 'touch']);
      const complete = await refused(() => act(id, 'complete', { force: true }), 400);
      expect(fieldsOf(complete)).toEqual(['force']);
    });

    it.each([
      ['members/remove', { contactIds: ['x'] }],
      ['touches', { contactId: 'x', touch: 'sent', occurredAt: AT }],
      ['complete', {}],
    ])('answers 404 to %s on an unknown campaign', async (action, body) => {
      const refusal = await refused(() => act('no-such-campaign', action, body), 404);
      expect(refusal.code).toBe('CAMPAIGN_NOT_FOUND');
    });

    it('answers 404 to adding existing contacts to an unknown campaign', async () => {
      const refusal = await refused(
        () => act('no-such-campaign', 'members', { contactIds: [ada] }),
        404,
      );
      expect(refusal.code).toBe('CAMPAIGN_NOT_FOUND');
    });

    it('applies If-Match only at the matching revision', async () => {
      const id = await createdId();
      const stale = await refused(
        () =>
          t
            .http()
            .post(`/campaigns/${id}/members`)
            .set('if-match', '"2"')
            .send({ contactIds: [ada] }),
        412,
      );
      expect(stale.code).toBe('PRECONDITION_FAILED');
      await t
        .http()
        .post(`/campaigns/${id}/members`)
        .set('if-match', '"0"')
        .send({ contactIds: [ada] })
        .expect(200);
    });
  });
});
