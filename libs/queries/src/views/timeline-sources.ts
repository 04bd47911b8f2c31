import { ContactDocument } from '@crm/projections';
import { mergedContactIdsOf } from './merged-contacts';
import { ReadCollections } from './read-model-collections';
import { TimelineSources } from './timeline-page';
import { findForEach, ownDocument } from './tenant-documents';

/** Whose timeline: one contact, one account or one deal. */
export type TimelineSubject = { contactId: string } | { accountId: string } | { dealId: string };

/**
 * A contact's timeline: its own entries and those of the contacts merged into it, plus every
 * entry of their deals and tickets (deal and ticket events after the opening one carry only the
 * deal or ticket id).
 */
export const contactTimelineSources = async (
  collections: ReadCollections,
  contact: ContactDocument,
): Promise<TimelineSources> => {
  const { tenantId } = contact;
  const family = [
    contact.contactId,
    ...(await mergedContactIdsOf(await collections.contacts(), contact)),
  ];
  const [deals, tickets] = await Promise.all([
    collections.deals().then((c) => findForEach(c, tenantId, 'contactId', family)),
    collections.tickets().then((c) => findForEach(c, tenantId, 'contactId', family)),
  ]);
  return {
    contactIds: family,
    dealIds: deals.map((deal) => deal.dealId),
    ticketIds: tickets.map((ticket) => ticket.ticketId),
  };
};

/** An account's timeline: its own entries plus every entry of its deals and its tickets. */
export const accountTimelineSources = async (
  collections: ReadCollections,
  tenantId: string,
  accountId: string,
): Promise<TimelineSources> => {
  const [deals, tickets] = await Promise.all([
    collections.deals().then((c) => findForEach(c, tenantId, 'accountId', [accountId])),
    collections.tickets().then((c) => findForEach(c, tenantId, 'accountId', [accountId])),
  ]);
  return {
    accountIds: [accountId],
    dealIds: deals.map((deal) => deal.dealId),
    ticketIds: tickets.map((ticket) => ticket.ticketId),
  };
};

/** The sources of the subject's timeline; null when the subject does not exist for the tenant. */
export const timelineSourcesFor = async (
  collections: ReadCollections,
  tenantId: string,
  subject: TimelineSubject,
): Promise<TimelineSources | null> => {
  if ('contactId' in subject) {
    const contact = await ownDocument(await collections.contacts(), tenantId, subject.contactId);
    return contact === undefined ? null : contactTimelineSources(collections, contact);
  }
  if ('accountId' in subject) {
    const account = await ownDocument(await collections.accounts(), tenantId, subject.accountId);
    return account === undefined
      ? null
      : accountTimelineSources(collections, tenantId, subject.accountId);
  }
  const deal = await ownDocument(await collections.deals(), tenantId, subject.dealId);
  return deal === undefined ? null : { dealIds: [subject.dealId] };
};
