import { ProcessManagers } from '@crm/application';
import { eventsOf, fieldsOf } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type LeadAnswer = {
  score: number;
  status: string;
  scoringModelVersion?: number;
  marketingQualifiedAt?: string;
  lastEngagedAt?: string;
  scoreBreakdown: { initial: number; manual: number; rules: { rule: string; points: number }[] };
};
type Touch = 'sent' | 'opened' | 'clicked' | 'responded';
/** What one lead's contact does in the scenario, and what the lead is before it. */
type LeadSpec = {
  email: string;
  source: string;
  touches: Touch[];
  calls: number;
  inboundEmails: number;
  outboundEmails: number;
  disqualify?: boolean;
};

const V1 = {
  fitRules: [
    { id: 'webinar', attribute: 'source', operator: 'equals', value: 'webinar', points: 10 },
  ],
  engagementRules: [
    { id: 'opened', kind: 'campaign-opened', points: 2 },
    { id: 'clicked', kind: 'campaign-clicked', points: 5 },
    { id: 'called', kind: 'call-logged', points: 15 },
  ],
  threshold: 30,
};
const V2 = {
  fitRules: [{ id: 'web', attribute: 'source', operator: 'equals', value: 'web', points: 4 }],
  engagementRules: [
    { id: 'clicked', kind: 'campaign-clicked', points: 3 },
    { id: 'responded', kind: 'campaign-responded', points: 20 },
    { id: 'replied', kind: 'email-replied', points: 8 },
    { id: 'called', kind: 'call-logged', points: -1 },
  ],
  threshold: 25,
};

describe('lead scoring: engagement', () => {
  let t: TestApp;
  let campaignId: string;
  beforeAll(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'true' });
    campaignId = (
      await t
        .http()
        .post('/campaigns')
        .send({
          name: 'Spring webinar',
          channel: 'webinar',
          budget: { amount: 1000, currency: 'EUR' },
          startsOn: '2026-03-01',
          endsOn: '2026-03-31',
        })
        .expect(201)
    ).body.id as string;
  });
  afterAll(() => t.close());

  /** Waits until the processes handled the log and the read models hold what they wrote. */
  const settled = async (): Promise<void> => {
    await t.app.get(ProcessManagers).waitUntilCaughtUp();
    await t.app.get(ProcessManagers).waitUntilCaughtUp();
    const head = await t.head();
    await t.http().get(`/scoring-model?minPosition=${head}`);
  };
  const lead = async (leadId: string): Promise<LeadAnswer> => {
    const head = await t.head();
    return (await t.http().get(`/leads/${leadId}?minPosition=${head}`).expect(200))
      .body as LeadAnswer;
  };
  const publish = (model: object) => t.http().put('/scoring-model').send(model);
  const captureLead = async (source: string, email: string): Promise<string> =>
    (
      await t
        .http()
        .post('/leads')
        .send({ source, contact: { firstName: 'Ada', lastName: 'Lead', email } })
        .expect(201)
    ).body.id as string;
  const createContact = async (...emails: string[]): Promise<string> =>
    (
      await t
        .http()
        .post('/contacts')
        .send({
          firstName: 'Ada',
          lastName: 'Contact',
          emails: emails.map((address) => ({ address })),
        })
        .expect(201)
    ).body.id as string;
  const touch = async (contactId: string, kind: Touch) => {
    await t
      .http()
      .post(`/campaigns/${campaignId}/touches`)
      .send({ contactId, touch: kind, occurredAt: '2026-03-02T10:00:00.000Z' })
      .expect(200);
  };
  const call = async (contactId: string) => {
    await t
      .http()
      .post('/interactions/calls')
      .send({
        contactId,
        occurredAt: '2026-03-03T10:00:00.000Z',
        direction: 'outbound',
        outcome: 'connected',
        durationSeconds: 120,
      })
      .expect(201);
  };
  const email = async (contactId: string, direction: 'inbound' | 'outbound') => {
    await t
      .http()
      .post('/interactions/emails')
      .send({ contactId, occurredAt: '2026-03-04T10:00:00.000Z', direction, subject: 'Re: demo' })
      .expect(201);
  };
  const joinCampaign = async (contactId: string) => {
    await t
      .http()
      .post(`/campaigns/${campaignId}/members`)
      .send({ contactIds: [contactId] })
      .expect(200);
  };

  it('refuses bad engagement rules with the offending field, storing nothing', async () => {
    const rule = V1.engagementRules[0];
    const cases: [object, string[]][] = [
      [{ ...V1, engagementRules: [{ ...rule, kind: 'tweeted' }] }, ['engagementRules[0].kind']],
      [{ ...V1, engagementRules: [{ ...rule, points: 1.5 }] }, ['engagementRules[0].points']],
      [{ ...V1, engagementRules: [{ ...rule, points: 0 }] }, ['engagementRules[0].points']],
      [{ ...V1, engagementRules: [{ ...rule, id: 'Opened!' }] }, ['engagementRules[0].id']],
      [{ ...V1, engagementRules: [rule, rule] }, ['engagementRules']],
      [{ ...V1, engagementRules: [{ ...rule, id: 'webinar' }] }, ['engagementRules']],
      [{ ...V1, engagementRules: 'opened' }, ['engagementRules']],
    ];
    const before = await t.head();
    const answers = [];
    for (const [body] of cases) answers.push(await publish(body).expect(400));
    expect(answers.map((answer) => fieldsOf(answer.body))).toEqual(cases.map(([, f]) => f));
    expect(await t.head()).toBe(before);
  });

  it("scores a lead by its contact's touches and calls, with the reasons, and qualifies it", async () => {
    const published = await publish(V1).expect(200);
    expect(published.body.engagementRules).toEqual(V1.engagementRules);
    const leadId = await captureLead('webinar', 'Grace@Example.com');
    const contactId = await createContact('other@example.com', 'grace@example.COM');
    await joinCampaign(contactId);
    await touch(contactId, 'sent');
    await touch(contactId, 'opened');
    await touch(contactId, 'clicked');
    await call(contactId);
    await settled();

    const answer = await lead(leadId);
    expect(answer).toMatchObject({
      score: 10 + 2 + 5 + 15,
      scoringModelVersion: 1,
      lastEngagedAt: '2026-03-03T10:00:00.000Z',
      scoreBreakdown: {
        initial: 0,
        manual: 0,
        rules: [
          { rule: 'webinar', points: 10 },
          { rule: 'opened', points: 2 },
          { rule: 'clicked', points: 5 },
          { rule: 'called', points: 15 },
        ],
      },
    });
    expect(answer.marketingQualifiedAt).toBeDefined();

    const events = await eventsOf(t, 'lead', leadId);
    const engaged = events.filter((event) => event.type === 'LeadEngaged');
    expect(engaged.map((event) => event.data.kind)).toEqual([
      'campaign-opened',
      'campaign-clicked',
      'call-logged',
    ]);
    expect(engaged[0]).toMatchObject({
      data: { sourceEventId: expect.any(String), at: '2026-03-02T10:00:00.000Z' },
      metadata: expect.objectContaining({ actorId: 'process:lead-engagement' }),
    });
    const scored = events.filter((event) => event.type === 'LeadScored');
    expect(scored.map((event) => event.data.changes)).toEqual([
      [{ rule: 'webinar', points: 10 }],
      [{ rule: 'opened', points: 2 }],
      [{ rule: 'clicked', points: 5 }],
      [{ rule: 'called', points: 15 }],
    ]);
  });

  it('counts nothing for a lead captured after the engagement, nor for another email', async () => {
    const contactId = await createContact('late@example.com');
    await call(contactId);
    await settled();
    const late = await captureLead('web', 'late@example.com');
    const stranger = await captureLead('web', 'stranger@example.com');
    await settled();
    for (const leadId of [late, stranger]) {
      expect((await lead(leadId)).scoreBreakdown.rules).toEqual([]);
      const events = await eventsOf(t, 'lead', leadId);
      expect(events.filter((event) => event.type === 'LeadEngaged')).toEqual([]);
    }
  });

  it('rescoring after a model change gives the scores an independent computation gives', async () => {
    const specs: LeadSpec[] = [
      {
        email: 'r1@example.com',
        source: 'web',
        touches: ['clicked', 'responded'],
        calls: 1,
        inboundEmails: 2,
        outboundEmails: 1,
      },
      {
        email: 'r2@example.com',
        source: 'webinar',
        touches: ['opened', 'opened'],
        calls: 2,
        inboundEmails: 0,
        outboundEmails: 3,
      },
      {
        email: 'r3@example.com',
        source: 'web',
        touches: ['sent'],
        calls: 0,
        inboundEmails: 1,
        outboundEmails: 0,
      },
      {
        email: 'r4@example.com',
        source: 'web',
        touches: ['responded'],
        calls: 0,
        inboundEmails: 0,
        outboundEmails: 0,
        disqualify: true,
      },
    ];
    const leadIds: string[] = [];
    for (const spec of specs) {
      const leadId = await captureLead(spec.source, spec.email);
      leadIds.push(leadId);
      if (spec.disqualify) {
        await t.http().post(`/leads/${leadId}/disqualify`).send({ reason: 'spam' }).expect(200);
      }
      const contactId = await createContact(spec.email.toUpperCase());
      await joinCampaign(contactId);
      for (const kind of spec.touches) await touch(contactId, kind);
      for (let i = 0; i < spec.calls; i++) await call(contactId);
      for (let i = 0; i < spec.inboundEmails; i++) await email(contactId, 'inbound');
      for (let i = 0; i < spec.outboundEmails; i++) await email(contactId, 'outbound');
    }
    await settled();
    await publish(V2).expect(200);
    await settled();

    // The oracle, written out: the v2 rules over what each contact did. Marketing qualification
    // happens once: under v1 (only gains, so its final score tells) or v2.
    const expected = specs.map((spec) => {
      const count = (touch: Touch) => spec.touches.filter((done) => done === touch).length;
      const v1Score =
        (spec.source === 'webinar' ? 10 : 0) +
        2 * count('opened') +
        5 * count('clicked') +
        15 * spec.calls;
      const rules: [string, number][] = [
        ['web', spec.source === 'web' ? 4 : 0],
        ['clicked', 3 * count('clicked')],
        ['responded', 20 * count('responded')],
        ['replied', 8 * spec.inboundEmails],
        ['called', -1 * spec.calls],
      ];
      const given = rules.filter(([, points]) => points !== 0);
      const score = given.reduce((sum, [, points]) => sum + points, 0);
      return {
        score,
        rules: given.map(([rule]) => rule).sort(),
        mql: v1Score >= 30 || score >= 25,
      };
    });
    const open = specs
      .map((spec, index) => ({ spec, index }))
      .filter(({ spec }) => !spec.disqualify);
    for (const { index } of open) {
      const answer = await lead(leadIds[index]);
      expect({
        score: answer.score,
        rules: answer.scoreBreakdown.rules.map((entry) => entry.rule).sort(),
        version: answer.scoringModelVersion,
        mql: answer.marketingQualifiedAt !== undefined,
      }).toEqual({ ...expected[index], version: 2 });
    }
    // The lead disqualified before its contact engaged took none of it.
    const disqualified = await eventsOf(t, 'lead', leadIds[3]);
    expect(disqualified.filter((event) => event.type === 'LeadEngaged')).toEqual([]);
    expect((await lead(leadIds[3])).scoringModelVersion).toBe(1);
  });
});
