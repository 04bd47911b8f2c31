import {
  LeadDecay,
  LeadDisqualified,
  LeadEngaged,
  LeadMarketingQualified,
  LeadScored,
  RulePoints,
} from '@crm/domain';
import { captured, event, leadOf, project, QUALIFIED_AT, qualified } from './leads.fixtures';

describe('leadsProjection: scoring', () => {
  it('LeadScored: the points by rule, a rule that comes to 0 leaving the breakdown', () => {
    const scored = (modelVersion: number, changes: RulePoints[], score: number) =>
      event<LeadScored>('LeadScored', { leadId: 'l-1', modelVersion, changes, score });
    const documents = project([
      captured(),
      scored(
        1,
        [
          { rule: 'webinar', points: 15 },
          { rule: 'free-mail', points: -5 },
        ],
        20,
      ),
      scored(
        2,
        [
          { rule: 'webinar', points: 5 },
          { rule: 'free-mail', points: 5 },
          { rule: 'cto', points: 10 },
        ],
        40,
      ),
    ]);
    expect(leadOf(documents)).toMatchObject({
      score: 40,
      scoringModelVersion: 2,
      scoreBreakdown: {
        initial: 10,
        manual: 0,
        rules: [
          { rule: 'webinar', points: 20 },
          { rule: 'cto', points: 10 },
        ],
      },
    });
  });

  it('LeadMarketingQualified: when the score reached the threshold', () => {
    const documents = project([
      captured(),
      event<LeadMarketingQualified>('LeadMarketingQualified', {
        leadId: 'l-1',
        modelVersion: 1,
        score: 50,
        threshold: 40,
        qualifiedAt: QUALIFIED_AT,
      }),
    ]);
    expect(leadOf(documents)).toMatchObject({
      status: 'new',
      marketingQualifiedAt: QUALIFIED_AT,
    });
  });

  it('LeadEngaged: when the contact last engaged; the lead is found by its email in lower case', () => {
    const engaged = (at: string) =>
      event<LeadEngaged>('LeadEngaged', {
        leadId: 'l-1',
        kind: 'call-logged',
        at,
        sourceEventId: `call-${at}`,
      });
    const documents = project([
      captured({ contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'Ada@Example.COM' } }),
      engaged('2026-02-01T10:00:00.000Z'),
      engaged('2026-02-03T10:00:00.000Z'),
    ]);
    expect(leadOf(documents)).toMatchObject({
      lastEngagedAt: '2026-02-03T10:00:00.000Z',
      _email: 'ada@example.com',
    });
  });

  it('LeadScored with decay: the next due moment while there is one, kept by a scoring without it', () => {
    const since = '2026-02-01T10:00:00.000Z';
    const scored = (decay?: LeadDecay) =>
      event<LeadScored>('LeadScored', {
        leadId: 'l-1',
        modelVersion: 1,
        changes: [],
        score: 10,
        ...(decay && { decay }),
      });
    const due = { since, periods: 0, nextDueAt: '2026-02-02T10:00:00.000Z' };
    expect(leadOf(project([captured(), scored(due), scored()]))._decayDueAt).toBe(due.nextDueAt);
    expect(
      leadOf(project([captured(), scored(due), scored({ since, periods: 3 })])),
    ).not.toHaveProperty('_decayDueAt');
    const disqualified = event<LeadDisqualified>('LeadDisqualified', {
      leadId: 'l-1',
      reason: 'spam',
      disqualifiedAt: '2026-02-01T11:00:00.000Z',
    });
    expect(leadOf(project([captured(), scored(due), disqualified]))).not.toHaveProperty(
      '_decayDueAt',
    );
  });

  it('a lead qualified again after a disqualification decays again from the same due moment', () => {
    const due = {
      since: '2026-02-01T10:00:00.000Z',
      periods: 1,
      nextDueAt: '2026-02-03T10:00:00.000Z',
    };
    const scored = event<LeadScored>('LeadScored', {
      leadId: 'l-1',
      modelVersion: 1,
      changes: [{ rule: 'decay', points: -5 }],
      score: 10,
      decay: due,
    });
    const disqualified = event<LeadDisqualified>('LeadDisqualified', {
      leadId: 'l-1',
      reason: 'no budget',
      disqualifiedAt: '2026-02-02T11:00:00.000Z',
    });
    const requalified = qualified({ qualifiedAt: '2026-02-04T09:00:00.000Z' });
    const lead = leadOf(project([captured(), scored, disqualified, requalified]));
    expect(lead).toMatchObject({ status: 'qualified', _decayDueAt: due.nextDueAt });
    expect(lead).not.toHaveProperty('_decayHeldDueAt');
  });
});
