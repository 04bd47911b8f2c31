import { ProcessManagers } from '@crm/application';
import { eventsOf, fieldsOf } from '../../../../test/support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../../../../test/support/test-app';

type Contact = {
  firstName: string;
  lastName: string;
  email: string;
  title?: string;
  company?: string;
};
type LeadSpec = {
  source: string;
  contact: Contact;
  initialScore: number;
  adjust?: number;
  disqualify?: boolean;
};
type LeadAnswer = {
  score: number;
  scoringModelVersion?: number;
  marketingQualifiedAt?: string;
  scoreBreakdown: { initial: number; manual: number; rules: { rule: string; points: number }[] };
};

const person = (lastName: string, email: string, more: Partial<Contact> = {}): Contact => ({
  firstName: 'Ada',
  lastName,
  email,
  ...more,
});

const V1 = {
  fitRules: [
    { id: 'webinar', attribute: 'source', operator: 'equals', value: 'webinar', points: 15 },
    {
      id: 'free-mail',
      attribute: 'emailDomain',
      operator: 'in',
      values: ['gmail.com', 'yahoo.com'],
      points: -5,
    },
    { id: 'cto', attribute: 'title', operator: 'contains', value: 'cto', points: 20 },
  ],
  threshold: 1000,
};
const V2 = {
  fitRules: [
    {
      id: 'webinar',
      attribute: 'source',
      operator: 'in',
      values: ['webinar', 'event'],
      points: 25,
    },
    { id: 'chief', attribute: 'title', operator: 'contains', value: 'chief', points: 10 },
    { id: 'corp', attribute: 'company', operator: 'contains', value: 'corp', points: 7 },
  ],
  threshold: 40,
};

describe('lead scoring', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'true' });
  });
  afterAll(() => t.close());

  /** Waits until the processes handled the log and the read models hold what they wrote. */
  const settled = async (): Promise<void> => {
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
  const capture = async ({ source, contact, initialScore, adjust, disqualify }: LeadSpec) => {
    const body = { source, contact, initialScore };
    const leadId = (await t.http().post('/leads').send(body).expect(201)).body.id as string;
    if (adjust !== undefined) {
      await t
        .http()
        .post(`/leads/${leadId}/score`)
        .send({ delta: adjust, reason: 'call' })
        .expect(200);
    }
    if (disqualify) {
      await t.http().post(`/leads/${leadId}/disqualify`).send({ reason: 'spam' }).expect(200);
    }
    return leadId;
  };

  describe('the model', () => {
    it('refuses bad definitions with the offending field, storing nothing', async () => {
      const rule = V1.fitRules[0];
      const cases: [object, string[]][] = [
        [{ ...V1, fitRules: [{ ...rule, attribute: 'revenue' }] }, ['fitRules[0].attribute']],
        [{ ...V1, fitRules: [{ ...rule, operator: 'startsWith' }] }, ['fitRules[0].operator']],
        [{ ...V1, fitRules: [{ ...rule, points: 2.5 }] }, ['fitRules[0].points']],
        [{ ...V1, fitRules: [{ ...rule, points: 0 }] }, ['fitRules[0].points']],
        [{ ...V1, fitRules: [{ ...rule, values: ['webinar'] }] }, ['fitRules[0].operator']],
        [{ ...V1, fitRules: [rule, rule] }, ['fitRules']],
        [{ ...V1, threshold: 'high' }, ['threshold']],
        [{ ...V1, threshold: 0 }, ['threshold']],
        [{ ...V1, decay: { points: 5, every: 'P1M' } }, ['decay.every']],
      ];
      const before = await t.head();
      const answers = [];
      for (const [body] of cases) answers.push(await publish(body).expect(400));
      expect(answers.map((answer) => fieldsOf(answer.body))).toEqual(cases.map(([, f]) => f));
      expect(answers.map((answer) => answer.body.code)).toEqual(
        cases.map(() => 'VALIDATION_FAILED'),
      );
      expect(await t.head()).toBe(before);
      await t.http().get('/scoring-model').expect(404);
    });

    it('publishes versions, audited with the principal, and answers each', async () => {
      const first = await publish(V1).expect(200);
      expect(first.body).toMatchObject({ version: 1, threshold: 1000, publishedBy: 'user-1' });
      expect(first.body.fitRules).toEqual(V1.fitRules);
      await t.http().get('/scoring-model').expect(200, first.body);
      await t.http().get('/scoring-model?version=1').expect(200, first.body);
      await t.http().get('/scoring-model?version=9').expect(404);
      const { body } = await t.http().get('/scoring-model/versions').expect(200);
      expect(body.versions).toEqual([first.body]);
      const [published] = await t.store.readStream(`scoringmodel-${TENANT}.current`);
      expect(published.metadata).toMatchObject({
        actorId: 'user-1',
        commandType: 'PublishScoringModel',
        principal: expect.objectContaining({ subject: 'user-1' }),
      });
    });

    it('is read with scoring:read and published with scoring:manage', async () => {
      await t
        .as(TENANT, { roles: ['analyst'] })
        .get('/scoring-model')
        .expect(403);
      await t
        .as(TENANT, { roles: ['manager'] })
        .get('/scoring-model')
        .expect(200);
      await t
        .as(TENANT, { roles: ['manager'] })
        .put('/scoring-model')
        .send(V1)
        .expect(403);
    });
  });

  describe('scores', () => {
    it('scores a captured lead by the model, with the reasons, through the process', async () => {
      const leadId = await capture({
        source: 'webinar',
        contact: person('Lovelace', 'ada@gmail.com', { title: 'CTO' }),
        initialScore: 3,
        adjust: 4,
      });
      await settled();
      expect(await lead(leadId)).toMatchObject({
        score: 3 + 15 - 5 + 20 + 4,
        scoringModelVersion: 1,
        scoreBreakdown: {
          initial: 3,
          manual: 4,
          rules: [
            { rule: 'webinar', points: 15 },
            { rule: 'free-mail', points: -5 },
            { rule: 'cto', points: 20 },
          ],
        },
      });
      const events = await eventsOf(t, 'lead', leadId);
      const capturedId = (events[0] as unknown as { eventId: string }).eventId;
      const scored = events.filter((event) => event.type === 'LeadScored');
      expect(scored).toHaveLength(1);
      expect(scored[0]).toMatchObject({
        data: { modelVersion: 1, score: 33 },
        metadata: expect.objectContaining({
          actorId: 'process:lead-scoring',
          $causationId: capturedId,
        }),
      });
    });
  });

  it('rescoring after a model change gives the scores an independent computation gives', async () => {
    const specs: LeadSpec[] = [
      {
        source: 'webinar',
        contact: person('A', 'a@gmail.com', { title: 'Chief Architect' }),
        initialScore: 0,
      },
      {
        source: 'event',
        contact: person('B', 'b@megacorp.example', { company: 'MegaCorp' }),
        initialScore: 5,
        adjust: 10,
      },
      { source: 'web', contact: person('C', 'c@yahoo.com', { title: 'CTO' }), initialScore: 2 },
      { source: 'referral', contact: person('D', 'd@small.example'), initialScore: 1, adjust: -3 },
      {
        source: 'webinar',
        contact: person('E', 'e@corp.example', { title: 'CTO', company: 'Corp' }),
        initialScore: 0,
        disqualify: true,
      },
    ];
    const leadIds = [];
    for (const spec of specs) leadIds.push(await capture(spec));
    await settled();
    await publish(V2).expect(200);
    await settled();

    // The oracle, written out: initial + hand adjustments + the points of every v2 rule matched.
    const contains = (text: string | undefined, part: string) =>
      text !== undefined && text.toLowerCase().includes(part);
    const expected = specs.map((spec) => {
      const rules: { rule: string; points: number }[] = [];
      if (['webinar', 'event'].includes(spec.source)) rules.push({ rule: 'webinar', points: 25 });
      if (contains(spec.contact.title, 'chief')) rules.push({ rule: 'chief', points: 10 });
      if (contains(spec.contact.company, 'corp')) rules.push({ rule: 'corp', points: 7 });
      const manual = spec.adjust ?? 0;
      const score = spec.initialScore + manual + rules.reduce((sum, r) => sum + r.points, 0);
      return { score, manual, rules: rules.map((r) => r.rule).sort(), mql: score >= 40 };
    });

    const open = specs
      .map((spec, index) => ({ spec, index }))
      .filter(({ spec }) => !spec.disqualify);
    for (const { index } of open) {
      const answer = await lead(leadIds[index]);
      expect({
        score: answer.score,
        manual: answer.scoreBreakdown.manual,
        rules: answer.scoreBreakdown.rules.map((r) => r.rule).sort(),
        mql: answer.marketingQualifiedAt !== undefined,
        version: answer.scoringModelVersion,
      }).toEqual({ ...expected[index], version: 2 });
    }
    // The disqualified lead keeps what v1 gave it.
    expect((await lead(leadIds[4])).scoringModelVersion).toBe(1);
    const progress = await t.http().get('/scoring-model/rescoring').expect(200);
    expect(progress.body).toEqual({ version: 2, total: 5, done: 5, status: 'done' });
  });
});
