import { ContactEvent, CustomFieldValue } from '@crm/domain';
import { keptText, TimelineFacts } from '../timeline-facts';
import { excerpt, personName, Wording, words } from '../timeline-wording';
import { customFieldLine, tagLine, untagLine } from '../record-detail-lines';

/** What contact events keep for their timeline lines. */
export type ContactFacts = {
  ContactCreated: { firstName: string; lastName: string };
  ContactLinkedToAccount: { accountId: string; previousAccountId?: string };
  ContactUnlinkedFromAccount: { accountId: string };
  ContactTagged: { tag: string };
  ContactUntagged: { tag: string };
  ContactCustomFieldSet: { key: string; value: CustomFieldValue };
  ContactConsentRecorded: { channel: string; status: string; source: string };
  ContactMerged: { survivorId: string };
};

/** Which contact events are on the timeline, and their facts. */
export const contactTimeline: TimelineFacts<ContactEvent, ContactFacts> = {
  ContactCreated: (event) => {
    const { data } = event;
    return {
      links: { contactId: data.contactId, accountId: data.accountId, leadId: data.origin?.leadId },
      facts: { firstName: data.firstName, lastName: data.lastName },
    };
  },
  ContactUpdated: null,
  ContactLinkedToAccount: (event) => {
    const { contactId, accountId, previousAccountId } = event.data;
    return { links: { contactId, accountId }, facts: { accountId, previousAccountId } };
  },
  ContactUnlinkedFromAccount: (event) => {
    // Linked to the account too, so the account's timeline shows the contact leaving it.
    const { contactId, accountId } = event.data;
    return { links: { contactId, accountId }, facts: { accountId } };
  },
  ContactOwnerAssigned: null,
  ContactOwnerUnassigned: null,
  ContactTagged: (event) => {
    const { contactId, tag } = event.data;
    return { links: { contactId }, facts: { tag } };
  },
  ContactUntagged: (event) => {
    const { contactId, tag } = event.data;
    return { links: { contactId }, facts: { tag } };
  },
  ContactCustomFieldSet: (event) => {
    const { contactId, key, value } = event.data;
    return { links: { contactId }, facts: { key, value } };
  },
  ContactConsentRecorded: (event) => {
    const { contactId, channel, status, source, recordedAt } = event.data;
    return {
      occurredAt: recordedAt,
      links: { contactId },
      facts: { channel, status, source: keptText(source) },
    };
  },
  ContactMerged: (event) => {
    return {
      occurredAt: event.data.mergedAt,
      links: { contactId: event.data.contactId },
      facts: { survivorId: event.data.survivorId },
    };
  },
};

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const contactWording: Wording<ContactFacts> = {
  ContactCreated: ({ firstName, lastName }) =>
    `Contact created: ${personName(firstName, lastName)}`,
  ContactLinkedToAccount: ({ accountId, previousAccountId }) =>
    previousAccountId !== undefined
      ? `Moved from account ${previousAccountId} to account ${accountId}`
      : `Linked to account ${accountId}`,
  ContactUnlinkedFromAccount: ({ accountId }) => `Unlinked from account ${accountId}`,
  ContactTagged: tagLine,
  ContactUntagged: untagLine,
  ContactCustomFieldSet: customFieldLine,
  ContactConsentRecorded: ({ channel, status, source }) =>
    `Consent (${channel}): ${words(status)}, source ${excerpt(source, 60)}`,
  ContactMerged: ({ survivorId }) => `Merged into contact ${survivorId}`,
};
