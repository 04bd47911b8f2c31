import { ContactDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { campaignMemberships, CampaignMembership } from './campaign-memberships';
import { dealsOverview, DealsOverview } from './deals-overview';
import { interactionStats, InteractionStats } from './interaction-stats';
import { accountSummary, AccountSummary, leadOrigin, LeadOrigin } from './linked-records';
import { mergedContactIdsOf } from './merged-contacts';
import { MoneyTotals } from './money-totals';
import { nextOpenTask } from './next-open-task';
import { openTicketSummaries } from './open-tickets';
import { readCollections } from './read-model-collections';
import { TaskView, TicketSummary } from './record-summaries';
import { findForEach, ownDocument } from './tenant-documents';
import { readTimeline, TimelinePage } from './timeline-page';
import { View, viewOf } from './view-json';

export const CONTACT_360_TIMELINE_ENTRIES = 20;

/** Everything about one contact on one page (with what the contacts merged into it brought). */
export type Contact360 = {
  profile: View<ContactDocument>;
  account: AccountSummary | null;
  ownerId: string | null;
  tags: string[];
  customFields: ContactDocument['customFields'];
  consents: ContactDocument['consents'];
  /** The lead the contact was converted from, with its score. */
  lead: LeadOrigin | null;
  /** The contacts merged into this one, also through earlier merges; their records count here. */
  mergedContactIds: string[];
  deals: Omit<DealsOverview, 'lifetimeValue'>;
  lifetimeValue: MoneyTotals;
  /** With the SLA state at `now`. */
  openTickets: TicketSummary[];
  campaigns: CampaignMembership[];
  lastInteraction: InteractionStats['lastInteraction'];
  interactionCounts: InteractionStats['counts'];
  nextOpenTask: TaskView | null;
  timeline: TimelinePage;
};

/** The contact's 360 view at `now`; null when the contact does not exist for the tenant. */
export const contact360 = async (
  readModels: ReadModels,
  tenantId: string,
  contactId: string,
  now: Date,
): Promise<Contact360 | null> => {
  const collections = readCollections(readModels);
  const contacts = await collections.contacts();
  const contact = await ownDocument(contacts, tenantId, contactId);
  if (contact === undefined) return null;
  const mergedContactIds = await mergedContactIdsOf(contacts, contact);
  const family = [contact.contactId, ...mergedContactIds];

  const [account, lead, deals, tickets, campaigns, interactions, task] = await Promise.all([
    accountSummary(collections, tenantId, contact.accountId),
    leadOrigin(collections, tenantId, contact.origin?.leadId),
    collections.deals().then((c) => findForEach(c, tenantId, 'contactId', family)),
    collections.tickets().then((c) => findForEach(c, tenantId, 'contactId', family)),
    campaignMemberships(collections, tenantId, family),
    collections.interactions().then((c) => interactionStats(c, tenantId, 'contactId', family, now)),
    collections.tasks().then((c) => nextOpenTask(c, tenantId, 'contact', family, now)),
  ]);
  const { lifetimeValue, ...dealLists } = dealsOverview(deals);
  return {
    profile: viewOf(contact),
    account,
    ownerId: contact.ownerId ?? null,
    tags: [...contact.tags],
    customFields: { ...contact.customFields },
    consents: { ...contact.consents },
    lead,
    mergedContactIds,
    deals: dealLists,
    lifetimeValue,
    openTickets: openTicketSummaries(tickets, now),
    campaigns,
    lastInteraction: interactions.lastInteraction,
    interactionCounts: interactions.counts,
    nextOpenTask: task,
    timeline: await readTimeline(
      collections,
      tenantId,
      {
        contactIds: family,
        dealIds: deals.map((deal) => deal.dealId),
        ticketIds: tickets.map((ticket) => ticket.ticketId),
      },
      { limit: CONTACT_360_TIMELINE_ENTRIES },
    ),
  };
};
