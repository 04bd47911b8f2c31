import { DeciderSpecification } from '@crm/testing';
import { ScoringModel } from '../scoring';
import { leadDecider } from './lead.decider';
import { LeadEvent } from './lead.events';

const leadId = 'lead-1';
const DAY = 86_400_000;
const engagedAt = '2026-01-02T10:00:00.000Z';
const daysAfterEngagement = (days: number) => new Date(Date.parse(engagedAt) + days * DAY);
const iso = (days: number) => daysAfterEngagement(days).toISOString();

const model: ScoringModel = {
  version: 1,
  threshold: 100,
  fitRules: [{ id: 'web', attribute: 'source', operator: 'equals', value: 'web', points: 5 }],
  engagementRules: [{ id: 'called', kind: 'call-logged', points: 10 }],
  decay: { points: 3, every: 'P1D', everyMs: DAY },
};
const captured: LeadEvent = {
  type: 'LeadCaptured',
  data: {
    leadId,
    source: 'web',
    contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    score: 0,
    capturedAt: '2026-01-01T10:00:00.000Z',
  },
};
const engaged: LeadEvent = {
  type: 'LeadEngaged',
  data: { leadId, kind: 'call-logged', at: engagedAt, sourceEventId: 'call-1' },
};
/** Scored by the model after the engagement: 5 fit and 10 engagement points. */
const scored: LeadEvent = {
  type: 'LeadScored',
  data: {
    leadId,
    modelVersion: 1,
    changes: [
      { rule: 'web', points: 5 },
      { rule: 'called', points: 10 },
    ],
    score: 15,
    decay: { since: engagedAt, periods: 0, nextDueAt: iso(1) },
  },
};
const decayedBy = (loss: number, periods: number, score: number, left: boolean): LeadEvent => ({
  type: 'LeadScored',
  data: {
    leadId,
    modelVersion: 1,
    changes: loss > 0 ? [{ rule: 'decay', points: -loss }] : [],
    score,
    decay: { since: engagedAt, periods, ...(left && { nextDueAt: iso(periods + 1) }) },
  },
});
const decay = { type: 'DecayLeadScore', data: { leadId, model } } as const;
const score = (scoring: ScoringModel) =>
  ({ type: 'ScoreLead', data: { leadId, model: scoring } }) as const;
const spec = DeciderSpecification.for(leadDecider);

describe('Lead decider: decay', () => {
  it('scoring an engaged lead by a decaying model sets its first decay period due', () =>
    spec.given([captured, engaged]).when(score(model), daysAfterEngagement(0.5)).then([scored]));

  it('takes the points of every whole period since the last engagement', () =>
    spec
      .given([captured, engaged, scored])
      .when(decay, daysAfterEngagement(2.5))
      .then([decayedBy(2 * 3, 2, 15 - 2 * 3, true)]));

  it('decays a period once: the same moment again, or within the period, changes nothing', () =>
    spec
      .given([captured, engaged, scored, decayedBy(6, 2, 9, true)])
      .when(decay, daysAfterEngagement(2.9))
      .then([]));

  it('counts on from the periods decayed already', () =>
    spec
      .given([captured, engaged, scored, decayedBy(6, 2, 9, true)])
      .when(decay, daysAfterEngagement(3))
      .then([decayedBy(3, 3, 6, true)]));

  it('never takes more than the engagement points: fit points stay, and nothing is due after', () =>
    spec
      .given([captured, engaged, scored])
      .when(decay, daysAfterEngagement(40))
      .then([decayedBy(10, 40, 5, false)]));

  it('changes nothing before a whole period, for a lead that never engaged, or a closed lead', () => {
    spec.given([captured, engaged, scored]).when(decay, daysAfterEngagement(0.9)).then([]);
    spec.given([captured]).when(decay, daysAfterEngagement(40)).then([]);
    spec
      .given([
        captured,
        engaged,
        scored,
        { type: 'LeadDisqualified', data: { leadId, reason: 'spam', disqualifiedAt: iso(1) } },
      ])
      .when(decay, daysAfterEngagement(5))
      .then([]);
  });

  it('starts counting again from a new engagement', () =>
    spec
      .given([
        captured,
        engaged,
        scored,
        decayedBy(6, 2, 9, true),
        { type: 'LeadEngaged', data: { ...engaged.data, at: iso(2.5), sourceEventId: 'call-2' } },
      ])
      .when(decay, daysAfterEngagement(3))
      .then([]));

  it('a rescore by a new version keeps the decay taken, within its engagement points', () => {
    const v2: ScoringModel = {
      ...model,
      version: 2,
      engagementRules: [{ id: 'called', kind: 'call-logged', points: 4 }],
    };
    spec
      .given([captured, engaged, scored, decayedBy(6, 2, 9, true)])
      .when(score(v2), daysAfterEngagement(2.5))
      .then([
        {
          type: 'LeadScored',
          data: {
            leadId,
            modelVersion: 2,
            // 4 engagement points left to lose at most 4 of the 6 decayed.
            changes: [
              { rule: 'called', points: 4 - 10 },
              { rule: 'decay', points: 6 - 4 },
            ],
            score: 5 + 4 - 4,
            decay: { since: engagedAt, periods: 2 },
          },
        },
      ]);
  });
});
