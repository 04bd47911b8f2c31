import { AccountEvent, CustomFieldValue } from '@crm/domain';
import { keptOptionalText, keptText, TimelineFacts } from '../timeline-facts';
import { excerpt, suffix, Wording } from '../timeline-wording';
import { customFieldLine, tagLine, untagLine } from '../record-detail-lines';

/** What account events keep for their timeline lines. */
export type AccountFacts = {
  AccountRegistered: { name: string; domain?: string };
  AccountTagged: { tag: string };
  AccountUntagged: { tag: string };
  AccountCustomFieldSet: { key: string; value: CustomFieldValue };
  AccountArchived: { reason?: string };
};

/** Which account events are on the timeline, and their facts. */
export const accountTimeline: TimelineFacts<AccountEvent, AccountFacts> = {
  AccountRegistered: (event) => {
    const { accountId, name, domain } = event.data;
    return { links: { accountId }, facts: { name: keptText(name), domain } };
  },
  AccountProfileUpdated: null,
  AccountOwnerAssigned: null,
  AccountOwnerUnassigned: null,
  AccountTagged: (event) => {
    const { accountId, tag } = event.data;
    return { links: { accountId }, facts: { tag } };
  },
  AccountUntagged: (event) => {
    const { accountId, tag } = event.data;
    return { links: { accountId }, facts: { tag } };
  },
  AccountCustomFieldSet: (event) => {
    const { accountId, key, value } = event.data;
    return { links: { accountId }, facts: { key, value } };
  },
  AccountArchived: (event) => {
    return {
      occurredAt: event.data.archivedAt,
      links: { accountId: event.data.accountId },
      facts: { reason: keptOptionalText(event.data.reason) },
    };
  },
};

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const accountWording: Wording<AccountFacts> = {
  AccountRegistered: ({ name, domain }) =>
    `Account registered: ${excerpt(name, 80)}${domain !== undefined ? ` (${domain})` : ''}`,
  AccountTagged: tagLine,
  AccountUntagged: untagLine,
  AccountCustomFieldSet: customFieldLine,
  AccountArchived: ({ reason }) => `Account archived${suffix(reason)}`,
};
