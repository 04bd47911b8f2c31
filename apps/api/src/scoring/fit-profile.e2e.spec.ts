import { ProcessManagers } from '@crm/application';
import { fieldsOf } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type Profile = { email: string; industry?: string; companySize?: number; country?: string };
type LeadAnswer = {
  score: number;
  contact: Record<string, unknown>;
  scoreBreakdown: { rules: { rule: string; points: number }[] };
};

const MODEL = {
  fitRules: [
    { id: 'software', attribute: 'industry', operator: 'equals', value: 'Software', points: 8 },
    { id: 'dach', attribute: 'country', operator: 'in', values: ['DE', 'AT', 'CH'], points: 6 },
    { id: 'mid-size', attribute: 'companySize', operator: 'atLeast', number: 100, points: 12 },
    { id: 'tiny', attribute: 'companySize', operator: 'below', number: 10, points: -4 },
    { id: 'free-mail', attribute: 'freeMailDomain', operator: 'equals', value: 'true', points: -9 },
  ],
  threshold: 1000,
};
/** Free-mail providers among the emails below, as anyone knows them. */
const FREE_MAIL = ['gmail.com', 'yahoo.com'];

/** The rules a lead matches, computed here from the model's meaning, not by the domain. */
const expectedRules = (profile: Profile): { rule: string; points: number }[] => {
  const matched = [
    profile.industry?.toLowerCase() === 'software' && 'software',
    ['DE', 'AT', 'CH'].includes(profile.country?.toUpperCase() ?? '') && 'dach',
    profile.companySize !== undefined && profile.companySize >= 100 && 'mid-size',
    profile.companySize !== undefined && profile.companySize < 10 && 'tiny',
    FREE_MAIL.includes(profile.email.split('@')[1]) && 'free-mail',
  ];
  return MODEL.fitRules
    .filter((rule) => matched.includes(rule.id))
    .map((rule) => ({ rule: rule.id, points: rule.points }));
};

describe('lead scoring on the fit profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'true' });
  });
  afterAll(() => t.close());

  const capture = (profile: Profile) =>
    t
      .http()
      .post('/leads')
      .send({ source: 'web', contact: { firstName: 'Ada', lastName: 'Lovelace', ...profile } });
  const lead = async (leadId: string): Promise<LeadAnswer> => {
    await t.app.get(ProcessManagers).waitUntilCaughtUp();
    const head = await t.head();
    return (await t.http().get(`/leads/${leadId}?minPosition=${head}`).expect(200))
      .body as LeadAnswer;
  };

  it('refuses a bad profile at capture with the field, writing nothing', async () => {
    const cases: [Profile, string[]][] = [
      [{ email: 'a@acme.example', country: 'XX' }, ['contact.country']],
      [{ email: 'a@acme.example', country: 'DEU' }, ['contact.country']],
      [{ email: 'a@acme.example', companySize: 0 }, ['contact.companySize']],
      [{ email: 'a@acme.example', companySize: 12.5 }, ['contact.companySize']],
    ];
    const before = await t.head();
    const answers = [];
    for (const [profile] of cases) answers.push(await capture(profile).expect(400));
    expect(answers.map((answer) => fieldsOf(answer.body))).toEqual(cases.map(([, f]) => f));
    expect(answers.map((answer) => answer.body.code)).toEqual(cases.map(() => 'VALIDATION_FAILED'));
    expect(await t.head()).toBe(before);
  });

  it('refuses operators that do not fit the attribute, naming the field', async () => {
    const cases: [object, string][] = [
      [{ attribute: 'industry', operator: 'atLeast', number: 5 }, 'fitRules[0].operator'],
      [{ attribute: 'companySize', operator: 'equals', value: '50' }, 'fitRules[0].operator'],
      [{ attribute: 'companySize', operator: 'atLeast', number: 0 }, 'fitRules[0].number'],
      [{ attribute: 'companySize', operator: 'below' }, 'fitRules[0].number'],
      [{ attribute: 'freeMailDomain', operator: 'in', values: ['true'] }, 'fitRules[0].operator'],
      [{ attribute: 'freeMailDomain', operator: 'equals', value: 'yes' }, 'fitRules[0].value'],
    ];
    const before = await t.head();
    for (const [rule, field] of cases) {
      const body = { threshold: 10, fitRules: [{ id: 'r', points: 1, ...rule }] };
      const answer = await t.http().put('/scoring-model').send(body).expect(400);
      expect({ rule, fields: fieldsOf(answer.body) }).toEqual({ rule, fields: [field] });
    }
    expect(await t.head()).toBe(before);
  });

  it('stores the profile and rescores open leads by a model using it', async () => {
    const profiles: Profile[] = [
      { email: 'a@gmail.com', industry: 'software', companySize: 250, country: 'de' },
      { email: 'b@acme.example', industry: 'Retail', companySize: 5, country: 'FR' },
      { email: 'c@yahoo.com', companySize: 100, country: 'ch' },
      { email: 'd@acme.example', industry: 'Software', companySize: 99 },
      { email: 'e@acme.example' },
    ];
    const ids: string[] = [];
    for (const profile of profiles) ids.push((await capture(profile).expect(201)).body.id);
    await t.http().put('/scoring-model').send(MODEL).expect(200);

    const answers = await Promise.all(ids.map(lead));
    expect(answers[0].contact).toMatchObject({
      industry: 'software',
      companySize: 250,
      country: 'DE',
    });
    expect(answers.map((answer) => answer.scoreBreakdown.rules)).toEqual(
      profiles.map(expectedRules),
    );
    expect(answers.map((answer) => answer.score)).toEqual(
      profiles.map((profile) => expectedRules(profile).reduce((sum, r) => sum + r.points, 0)),
    );
  });
});
