import { ConvertLeadRequest, prepareConversion } from '../preparation/lead-conversion.preparer';
import { prepareLeadScoring, ScoreLeadRequest } from '../preparation/lead-scoring.preparer';
import { KindCatalogue, NO_ROUTE } from './command-entry';
import { IntentsOf } from './command-types';

export type LeadIntents = IntentsOf<
  'lead',
  { ConvertLead: ConvertLeadRequest; ScoreLead: ScoreLeadRequest; DecayLeadScore: ScoreLeadRequest }
>;

export const leadCatalogue = {
  CaptureLead: {
    creates: true,
    permission: 'lead:capture',
    references: [{ field: 'campaignId', kind: 'campaign' }],
    route: { method: 'POST', path: '/leads', summary: 'Capture a lead', handler: 'capture' },
  },
  AdjustLeadScore: {
    permission: 'lead:score',
    route: {
      method: 'POST',
      path: '/leads/:id/score',
      summary: "Adjust a lead's score",
      handler: 'score',
    },
  },
  ScoreLead: {
    permission: 'lead:rescore',
    prepare: prepareLeadScoring,
    route: {
      method: 'POST',
      path: '/leads/:id/rescore',
      summary:
        "Score a lead by a version of the tenant's scoring model (the lead-scoring process does this by itself)",
      handler: 'rescore',
    },
  },
  // The lead-decay detector decays a score when its periods are due; a client cannot.
  DecayLeadScore: { permission: 'lead:decay', prepare: prepareLeadScoring, route: NO_ROUTE },
  // The lead-engagement process links a contact's engagement to the lead; a client cannot.
  RecordLeadEngagement: { permission: 'lead:record-engagement', route: NO_ROUTE },
  AssignLead: {
    permission: 'lead:assign',
    route: {
      method: 'POST',
      path: '/leads/:id/assign',
      summary: 'Assign a lead to an owner (ownerId null unassigns it)',
      handler: 'assign',
    },
  },
  QualifyLead: {
    permission: 'lead:qualify',
    route: {
      method: 'POST',
      path: '/leads/:id/qualify',
      summary: 'Qualify a lead',
      handler: 'qualify',
    },
  },
  DisqualifyLead: {
    permission: 'lead:disqualify',
    route: {
      method: 'POST',
      path: '/leads/:id/disqualify',
      summary: 'Disqualify a lead',
      handler: 'disqualify',
    },
  },
  ConvertLead: {
    permission: 'lead:convert',
    prepare: prepareConversion,
    followedBy: ['lead-conversion'],
    route: {
      method: 'POST',
      path: '/leads/:id/convert',
      summary: 'Convert a qualified lead into a contact, and optionally an account and a deal',
      handler: 'convert',
    },
  },
} satisfies KindCatalogue<'lead', LeadIntents>;
