import { ContactFacts } from '../facts/contact.timeline';
import { excerpt, personName, words, Wording } from '../timeline-wording';
import { customFieldLine, tagLine, untagLine } from './labels.wording';

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
