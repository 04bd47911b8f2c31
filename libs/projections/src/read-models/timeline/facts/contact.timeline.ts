import { ContactEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';
import { excerpt, words, personName } from '../timeline-wording';

/** How contact events read on the timeline. */
export const contactTimeline: TimelineFacts<ContactEvent> = {
  ContactCreated: (event) => {
    const { data } = event;
    return {
      links: {
        contactId: data.contactId,
        accountId: data.accountId,
        leadId: data.origin?.leadId,
      },
      summary: `Contact created: ${personName(data.firstName, data.lastName)}`,
    };
  },
  ContactUpdated: null,
  ContactLinkedToAccount: (event) => {
    const { contactId, accountId, previousAccountId } = event.data;
    return {
      links: { contactId, accountId },
      summary:
        previousAccountId !== undefined
          ? `Moved from account ${previousAccountId} to account ${accountId}`
          : `Linked to account ${accountId}`,
    };
  },
  ContactUnlinkedFromAccount: null,
  ContactOwnerAssigned: null,
  ContactOwnerUnassigned: null,
  ContactTagged: null,
  ContactUntagged: null,
  ContactCustomFieldSet: null,
  ContactConsentRecorded: (event) => {
    const { contactId, channel, status, source, recordedAt } = event.data;
    return {
      occurredAt: recordedAt,
      links: { contactId },
      summary: `Consent (${channel}): ${words(status)}, source ${excerpt(source, 60)}`,
    };
  },
  ContactMerged: (event) => {
    return {
      occurredAt: event.data.mergedAt,
      links: { contactId: event.data.contactId },
      summary: `Merged into contact ${event.data.survivorId}`,
    };
  },
};
