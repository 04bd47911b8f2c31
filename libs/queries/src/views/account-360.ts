import { AccountDocument, ContactDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { compareText } from './compare';
import { dealsOverview, DealsOverview } from './deals-overview';
import { interactionStats, InteractionStats } from './interaction-stats';
import { MoneyTotals } from './money-totals';
import { nextOpenTask } from './next-open-task';
import { openTicketSummaries } from './open-tickets';
import { quotesOf, QuoteSummary } from './quote-summaries';
import { readCollections } from './read-model-collections';
import { TaskView, TicketSummary } from './record-summaries';
import { findForEach, ownDocument } from './tenant-documents';
import { readTimeline, TimelinePage } from './timeline-page';
import { View, viewOf } from './view-json';

export const ACCOUNT_360_TIMELINE_ENTRIES = 20;

/** One of the account's contacts, in short. */
export type AccountContact = Pick<
  ContactDocument,
  'contactId' | 'fullName' | 'primaryEmail' | 'title' | 'ownerId'
>;

/** Everything about one account on one page, rolled up over its contacts, deals and tickets. */
export type Account360 = {
  profile: View<AccountDocument>;
  /** The contacts working for it (merged contacts left out), by name. */
  contacts: AccountContact[];
  deals: Omit<DealsOverview, 'lifetimeValue'>;
  lifetimeValue: MoneyTotals;
  /** With the SLA state at `now`. */
  openTickets: TicketSummary[];
  lastInteraction: InteractionStats['lastInteraction'];
  interactionCounts: InteractionStats['counts'];
  nextOpenTask: TaskView | null;
  /** Its quotes, newest first. */
  quotes: QuoteSummary[];
  timeline: TimelinePage;
};

const contactOf = (contact: ContactDocument): AccountContact => ({
  contactId: contact.contactId,
  fullName: contact.fullName,
  ...(contact.primaryEmail !== undefined && { primaryEmail: contact.primaryEmail }),
  ...(contact.title !== undefined && { title: contact.title }),
  ...(contact.ownerId !== undefined && { ownerId: contact.ownerId }),
});

/** The account's 360 view at `now`; null when the account does not exist for the tenant. */
export const account360 = async (
  readModels: ReadModels,
  tenantId: string,
  accountId: string,
  now: Date,
): Promise<Account360 | null> => {
  const collections = readCollections(readModels);
  const account = await ownDocument(await collections.accounts(), tenantId, accountId);
  if (account === undefined) return null;
  const ids = [accountId];

  const [contacts, deals, tickets, interactions, task, quotes] = await Promise.all([
    collections
      .contacts()
      .then((c) => findForEach(c, tenantId, 'accountId', ids, { status: 'active' })),
    collections.deals().then((c) => findForEach(c, tenantId, 'accountId', ids)),
    collections.tickets().then((c) => findForEach(c, tenantId, 'accountId', ids)),
    collections.interactions().then((c) => interactionStats(c, tenantId, 'accountId', ids, now)),
    collections.tasks().then((c) => nextOpenTask(c, tenantId, 'account', ids, now)),
    collections.quotes().then((c) => quotesOf(c, tenantId, 'accountId', accountId)),
  ]);
  const { lifetimeValue, ...dealLists } = dealsOverview(deals);
  return {
    profile: viewOf(account),
    contacts: contacts
      .sort(
        (a, b) => compareText(a.searchName, b.searchName) || compareText(a.contactId, b.contactId),
      )
      .map(contactOf),
    deals: dealLists,
    lifetimeValue,
    openTickets: openTicketSummaries(tickets, now),
    lastInteraction: interactions.lastInteraction,
    interactionCounts: interactions.counts,
    nextOpenTask: task,
    quotes,
    timeline: await readTimeline(
      collections,
      tenantId,
      {
        accountIds: ids,
        dealIds: deals.map((deal) => deal.dealId),
        ticketIds: tickets.map((ticket) => ticket.ticketId),
      },
      { limit: ACCOUNT_360_TIMELINE_ENTRIES },
    ),
  };
};
