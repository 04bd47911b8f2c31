import { AccountDocument, ContactDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { compareText } from './compare';
import { dealsOverview, DealsOverview } from './deals-overview';
import { accountInteractionStats } from './account-interaction-stats';
import { InteractionStats } from './interaction-stats';
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
/** The account's first contacts by name in its 360; `contactCount` tells how many it has. */
export const ACCOUNT_360_CONTACTS = 50;

/** One of the account's contacts, in short. */
export type AccountContact = Pick<
  ContactDocument,
  'contactId' | 'fullName' | 'primaryEmail' | 'title' | 'ownerId'
>;

/** Everything about one account on one page, rolled up over its contacts, deals and tickets. */
export type Account360 = {
  profile: View<AccountDocument>;
  /** The first contacts working for it by name (merged contacts left out), at most 50. */
  contacts: AccountContact[];
  /** How many contacts work for it. */
  contactCount: number;
  deals: Omit<DealsOverview, 'lifetimeValue'>;
  lifetimeValue: MoneyTotals;
  /** Its own and its contacts' open tickets, with the SLA state at `now`. */
  openTickets: TicketSummary[];
  /** Over its own interactions and its contacts', each once. */
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

  const contacts = await collections
    .contacts()
    .then((c) => findForEach(c, tenantId, 'accountId', ids, { status: 'active' }));
  const contactIds = contacts.map((contact) => contact.contactId);
  // A contact's interactions and tickets filed under this account are counted with the account's.
  const [deals, ownTickets, contactTickets, interactions, task] = await Promise.all([
    collections.deals().then((c) => findForEach(c, tenantId, 'accountId', ids)),
    collections.tickets().then((c) => findForEach(c, tenantId, 'accountId', ids)),
    collections
      .tickets()
      .then((c) => findForEach(c, tenantId, 'contactId', contactIds))
      .then((found) => found.filter((ticket) => ticket.accountId !== accountId)),
    collections
      .interactions()
      .then((c) => accountInteractionStats(c, tenantId, accountId, contactIds, now)),
    collections.tasks().then((c) => nextOpenTask(c, tenantId, 'account', ids, now)),
  ]);
  // Where row rules hide deals, the quotes of the hidden ones are hidden too.
  const dealsSeen = new Set(deals.map((deal) => deal.dealId));
  const everyDeal = readModels.scope.filters.deal === undefined;
  const quotes = await quotesOf(
    await collections.quotes(),
    tenantId,
    'accountId',
    accountId,
    (dealId) => everyDeal || dealsSeen.has(dealId),
  );
  const tickets = [...ownTickets, ...contactTickets];
  const { lifetimeValue, ...dealLists } = dealsOverview(deals);
  return {
    profile: viewOf(account),
    contacts: contacts
      .sort(
        (a, b) => compareText(a.searchName, b.searchName) || compareText(a.contactId, b.contactId),
      )
      .slice(0, ACCOUNT_360_CONTACTS)
      .map(contactOf),
    contactCount: contacts.length,
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
