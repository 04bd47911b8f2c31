import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { foldEvents } from '../shared';
import { ScoringModel } from '../scoring';
import { leadDecider } from './lead.decider';
import { LeadEvent } from './lead.events';

const leadId = 'lead-1';
const at = SPEC_NOW.toISOString();
const captured: LeadEvent = {
  type: 'LeadCaptured',
  data: {
    leadId,
    source: 'web',
    contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    score: 0,
    capturedAt: at,
  },
};
const engaged = (kind: 'campaign-opened' | 'call-logged', sourceEventId: string): LeadEvent => ({
  type: 'LeadEngaged',
  data: { leadId, kind, at: '2026-01-02T10:00:00.000Z', sourceEventId },
});
const model: ScoringModel = {
  version: 1,
  threshold: 20,
  fitRules: [{ id: 'web', attribute: 'source', operator: 'equals', value: 'web', points: 5 }],
  engagementRules: [
    { id: 'opened', kind: 'campaign-opened', points: 3 },
    { id: 'called', kind: 'call-logged', points: 10 },
  ],
};
const record = (sourceEventId: string) =>
  ({
    type: 'RecordLeadEngagement',
    data: { leadId, kind: 'call-logged', at: '2026-01-02T10:00:00.000Z', sourceEventId },
  }) as const;
const score = (scoring: ScoringModel) =>
  ({ type: 'ScoreLead', data: { leadId, model: scoring } }) as const;
const spec = DeciderSpecification.for(leadDecider);

describe('Lead decider: engagement', () => {
  it('records an engagement of an open lead, naming its source event', () =>
    spec
      .given([captured])
      .when(record('call-9'))
      .then([engaged('call-logged', 'call-9')]));

  it('records nothing for a disqualified or converted lead', () =>
    spec
      .given([
        captured,
        { type: 'LeadDisqualified', data: { leadId, reason: 'spam', disqualifiedAt: at } },
      ])
      .when(record('call-9'))
      .then([]));

  it('refuses an unknown lead', () =>
    spec.given([]).when(record('call-9')).thenThrows('LEAD_NOT_FOUND', 'not_found'));

  it('counts engagements by kind in the state', () => {
    const state = foldEvents(leadDecider, [
      captured,
      engaged('campaign-opened', 'e-1'),
      engaged('campaign-opened', 'e-2'),
      engaged('call-logged', 'e-3'),
    ]);
    expect(state).toMatchObject({ engagements: { 'campaign-opened': 2, 'call-logged': 1 } });
  });

  it('gives each engagement rule its points per engagement of its kind', () =>
    spec
      .given([captured, engaged('campaign-opened', 'e-1'), engaged('campaign-opened', 'e-2')])
      .when(score(model))
      .then([
        {
          type: 'LeadScored',
          data: {
            leadId,
            modelVersion: 1,
            changes: [
              { rule: 'web', points: 5 },
              { rule: 'opened', points: 6 },
            ],
            score: 11,
          },
        },
      ]));

  it('scores a new engagement by the same version and qualifies the lead at the threshold', () =>
    spec
      .given([
        captured,
        engaged('campaign-opened', 'e-1'),
        {
          type: 'LeadScored',
          data: {
            leadId,
            modelVersion: 1,
            changes: [
              { rule: 'web', points: 5 },
              { rule: 'opened', points: 3 },
            ],
            score: 8,
          },
        },
        engaged('call-logged', 'e-2'),
        engaged('campaign-opened', 'e-3'),
      ])
      .when(score(model))
      .then([
        {
          type: 'LeadScored',
          data: {
            leadId,
            modelVersion: 1,
            changes: [
              { rule: 'opened', points: 3 },
              { rule: 'called', points: 10 },
            ],
            score: 21,
          },
        },
        {
          type: 'LeadMarketingQualified',
          data: { leadId, modelVersion: 1, score: 21, threshold: 20, qualifiedAt: at },
        },
      ]));

  it('rescores engagement from the history by a new version: changed and dropped rules', () =>
    spec
      .given([
        captured,
        engaged('campaign-opened', 'e-1'),
        engaged('call-logged', 'e-2'),
        {
          type: 'LeadScored',
          data: {
            leadId,
            modelVersion: 1,
            changes: [
              { rule: 'web', points: 5 },
              { rule: 'opened', points: 3 },
              { rule: 'called', points: 10 },
            ],
            score: 18,
          },
        },
      ])
      .when(
        score({
          ...model,
          version: 2,
          threshold: 100,
          engagementRules: [{ id: 'called', kind: 'call-logged', points: 4 }],
        }),
      )
      .then([
        {
          type: 'LeadScored',
          data: {
            leadId,
            modelVersion: 2,
            changes: [
              { rule: 'opened', points: -3 },
              { rule: 'called', points: -6 },
            ],
            score: 9,
          },
        },
      ]));
});
