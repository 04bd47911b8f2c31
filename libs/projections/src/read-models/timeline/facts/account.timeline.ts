import { AccountEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';
import { excerpt, suffix } from '../timeline-wording';

/** How account events read on the timeline. */
export const accountTimeline: TimelineFacts<AccountEvent> = {
  AccountRegistered: (event) => {
    const { accountId, name, domain } = event.data;
    return {
      links: { accountId },
      summary: `Account registered: ${excerpt(name, 80)}${domain !== undefined ? ` (${domain})` : ''}`,
    };
  },
  AccountProfileUpdated: null,
  AccountOwnerAssigned: null,
  AccountOwnerUnassigned: null,
  AccountTagged: null,
  AccountUntagged: null,
  AccountCustomFieldSet: null,
  AccountArchived: (event) => {
    return {
      occurredAt: event.data.archivedAt,
      links: { accountId: event.data.accountId },
      summary: `Account archived${suffix(event.data.reason)}`,
    };
  },
};
