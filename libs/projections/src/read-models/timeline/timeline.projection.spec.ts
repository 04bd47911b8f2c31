import { NoteLogged, TicketClosed } from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { timelineProjection } from './timeline.projection';
import { entryOf, RECORDED_AT, timelineEvent as event } from './timeline.test-kit';

/** Each aggregate's events have their cases in `facts/<aggregate>.timeline.spec.ts`. */
const ON_THE_TIMELINE = [
  ...['AccountRegistered', 'AccountTagged', 'AccountUntagged', 'AccountCustomFieldSet'],
  'AccountArchived',
  'CampaignTouchRecorded',
  ...['ContactCreated', 'ContactLinkedToAccount', 'ContactUnlinkedFromAccount'],
  ...['ContactTagged', 'ContactUntagged', 'ContactCustomFieldSet'],
  ...['ContactConsentRecorded', 'ContactMerged'],
  ...['DealOpened', 'DealAmountChanged', 'DealStageMoved', 'DealWon', 'DealLost', 'DealReopened'],
  ...['CallLogged', 'EmailLogged', 'MeetingLogged', 'NoteLogged', 'InteractionLinksCorrected'],
  ...['LeadCaptured', 'LeadScored', 'LeadMarketingQualified', 'LeadEngaged'],
  ...['LeadQualified', 'LeadDisqualified', 'LeadConverted'],
  ...['QuoteCreated', 'QuoteSent', 'QuoteAccepted', 'QuoteRejected', 'QuoteExpired'],
  'QuoteRevised',
  ...['TaskScheduled', 'TaskCompleted'],
  ...['TicketOpened', 'TicketReplied', 'TicketEscalated', 'TicketResolved', 'TicketReopened'],
  ...['TicketClosed', 'TicketFirstResponseBreached', 'TicketResolutionBreached'],
];

const note = event<NoteLogged>('NoteLogged', {
  interactionId: 'i-1',
  contactId: 'c-1',
  occurredAt: RECORDED_AT,
  body: 'one',
});

describe('timelineProjection', () => {
  it('declares its collection, a version that keeps facts, and the timeline queries indexes', () => {
    expect(timelineProjection.name).toBe('timeline');
    expect(timelineProjection.version).toBe(2);
    expect(timelineProjection.indexes).toEqual([
      { fields: ['tenantId', 'contactId', 'occurredAt', 'position'] },
      { fields: ['tenantId', 'accountId', 'occurredAt', 'position'] },
      { fields: ['tenantId', 'dealId', 'occurredAt', 'position'] },
      { fields: ['tenantId', 'ticketId', 'occurredAt', 'position'] },
    ]);
  });

  it('handles exactly the significant event types', () => {
    expect([...timelineProjection.handles].sort()).toEqual([...ON_THE_TIMELINE].sort());
    for (const type of [
      'ContactUpdated',
      'ContactOwnerAssigned',
      'AccountProfileUpdated',
      'LeadScoreAdjusted',
      'LeadAssigned',
      'DealExpectedCloseChanged',
      'TicketAssigned',
      'TicketPriorityChanged',
      'TaskRescheduled',
      'TaskCancelled',
      'CampaignCreated',
      'CampaignMembersAdded',
      'PipelineDefined',
      'QuoteLineAdded',
      'QuoteDiscountSet',
    ]) {
      expect(timelineProjection.handles.has(type)).toBe(false);
    }
    const ignored = projectedEvent({ type: 'ContactUpdated', data: { contactId: 'c-1' } });
    expect(timelineProjection.documentIds(ignored)).toEqual([]);
  });

  it('keeps tenants apart: each entry in its own tenant', () => {
    const acme = event<TicketClosed>('TicketClosed', { ticketId: 't-1', closedAt: RECORDED_AT });
    const globex = event<TicketClosed>(
      'TicketClosed',
      { ticketId: 't-1', closedAt: RECORDED_AT },
      { tenantId: 'globex' },
    );
    expect(entryOf(acme)).toMatchObject({ _id: `acme:${acme.id}`, tenantId: 'acme' });
    expect(entryOf(globex)).toMatchObject({ _id: `globex:${globex.id}`, tenantId: 'globex' });
  });

  it('an entry already written is left as it is (a replay writes nothing)', () => {
    const entry = entryOf(note);
    expect(timelineProjection.evolve(entry, note, entry._id)).toBe(entry);
  });
});
