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
    source: 'Webinar',
    campaignId: 'campaign-3',
    contact: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@gmail.com',
      title: 'Head of IT',
    },
    score: 5,
    capturedAt: at,
  },
};
const v1: ScoringModel = {
  version: 1,
  threshold: 40,
  fitRules: [
    { id: 'webinar', attribute: 'source', operator: 'equals', value: 'webinar', points: 15 },
    { id: 'it-lead', attribute: 'title', operator: 'contains', value: 'head of', points: 10 },
    {
      id: 'free-mail',
      attribute: 'emailDomain',
      operator: 'in',
      values: ['gmail.com'],
      points: -5,
    },
    { id: 'enterprise', attribute: 'company', operator: 'contains', value: 'corp', points: 30 },
  ],
  engagementRules: [],
};
const v2: ScoringModel = {
  version: 2,
  threshold: 30,
  fitRules: [
    { id: 'webinar', attribute: 'source', operator: 'equals', value: 'webinar', points: 20 },
    {
      id: 'campaign-3',
      attribute: 'campaignId',
      operator: 'equals',
      value: 'campaign-3',
      points: 5,
    },
  ],
  engagementRules: [],
};
const scoredV1: LeadEvent = {
  type: 'LeadScored',
  data: {
    leadId,
    modelVersion: 1,
    changes: [
      { rule: 'webinar', points: 15 },
      { rule: 'it-lead', points: 10 },
      { rule: 'free-mail', points: -5 },
    ],
    score: 25,
  },
};
const score = (model: ScoringModel) => ({ type: 'ScoreLead', data: { leadId, model } }) as const;
const spec = DeciderSpecification.for(leadDecider);

describe('Lead decider: scoring by a model', () => {
  it('gives each matched fit rule its points, naming the rule', () =>
    spec.given([captured]).when(score(v1)).then([scoredV1]));

  it('moves a rescored lead to the new version: changed points, dropped rules, new rules', () =>
    spec
      .given([captured, scoredV1])
      .when(score(v2))
      .then([
        {
          type: 'LeadScored',
          data: {
            leadId,
            modelVersion: 2,
            changes: [
              { rule: 'webinar', points: 5 },
              { rule: 'it-lead', points: -10 },
              { rule: 'free-mail', points: 5 },
              { rule: 'campaign-3', points: 5 },
            ],
            score: 30,
          },
        },
        {
          type: 'LeadMarketingQualified',
          data: { leadId, modelVersion: 2, score: 30, threshold: 30, qualifiedAt: at },
        },
      ]));

  it('changes nothing when the same version scores the lead again', () =>
    spec.given([captured, scoredV1]).when(score(v1)).then([]));

  it('changes nothing when an older version comes after a newer one', () =>
    spec
      .given([
        captured,
        { type: 'LeadScored', data: { leadId, modelVersion: 2, changes: [], score: 5 } },
      ])
      .when(score(v1))
      .then([]));

  it('records a new version that agrees with the old one, with no changes', () =>
    spec
      .given([captured, scoredV1])
      .when(score({ ...v1, version: 3 }))
      .then([{ type: 'LeadScored', data: { leadId, modelVersion: 3, changes: [], score: 25 } }]));

  it('marketing-qualifies a lead once, also when a hand adjustment took it over the threshold', () =>
    spec
      .given([
        captured,
        scoredV1,
        { type: 'LeadScoreAdjusted', data: { leadId, delta: 20, reason: 'demo', score: 45 } },
      ])
      .when(score(v1))
      .then([
        {
          type: 'LeadMarketingQualified',
          data: { leadId, modelVersion: 1, score: 45, threshold: 40, qualifiedAt: at },
        },
      ]));

  it('does not marketing-qualify a lead twice', () =>
    spec
      .given([
        captured,
        scoredV1,
        {
          type: 'LeadMarketingQualified',
          data: { leadId, modelVersion: 1, score: 45, threshold: 40, qualifiedAt: at },
        },
      ])
      .when(score({ ...v1, threshold: 10 }))
      .then([]));

  it('leaves a disqualified lead as it is', () =>
    spec
      .given([
        captured,
        { type: 'LeadDisqualified', data: { leadId, reason: 'spam', disqualifiedAt: at } },
      ])
      .when(score(v1))
      .then([]));

  it('refuses an unknown lead', () =>
    spec.given([]).when(score(v1)).thenThrows('LEAD_NOT_FOUND', 'not_found'));

  it('keeps the points by rule in the state', () => {
    const state = foldEvents(leadDecider, [captured, scoredV1]);
    expect(state).toMatchObject({
      score: 25,
      scoredByVersion: 1,
      rulePoints: { webinar: 15, 'it-lead': 10, 'free-mail': -5 },
    });
  });

  it('scores the fit profile: industry, country, company size and a free-mail email', () => {
    const profiled: LeadEvent = {
      type: 'LeadCaptured',
      data: {
        leadId,
        source: 'Webinar',
        contact: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@gmail.com',
          industry: 'Software',
          companySize: 120,
          country: 'DE',
        },
        score: 0,
        capturedAt: at,
      },
    };
    const model: ScoringModel = {
      version: 1,
      threshold: 1000,
      fitRules: [
        { id: 'software', attribute: 'industry', operator: 'equals', value: 'software', points: 8 },
        { id: 'dach', attribute: 'country', operator: 'in', values: ['de', 'at', 'ch'], points: 6 },
        { id: 'mid', attribute: 'companySize', operator: 'atLeast', number: 100, points: 12 },
        { id: 'small', attribute: 'companySize', operator: 'below', number: 100, points: 3 },
        { id: 'free', attribute: 'freeMailDomain', operator: 'equals', value: 'true', points: -9 },
        { id: 'work', attribute: 'freeMailDomain', operator: 'equals', value: 'false', points: 4 },
      ],
      engagementRules: [],
    };
    const changes = [
      { rule: 'software', points: 8 },
      { rule: 'dach', points: 6 },
      { rule: 'mid', points: 12 },
      { rule: 'free', points: -9 },
    ];
    const total = changes.reduce((sum, change) => sum + change.points, 0);
    return spec
      .given([profiled])
      .when(score(model))
      .then([{ type: 'LeadScored', data: { leadId, modelVersion: 1, changes, score: total } }]);
  });
});
