import { AccountFacts } from '../facts/account.timeline';
import { excerpt, suffix, Wording } from '../timeline-wording';
import { customFieldLine, tagLine, untagLine } from './labels.wording';

export const accountWording: Wording<AccountFacts> = {
  AccountRegistered: ({ name, domain }) =>
    `Account registered: ${excerpt(name, 80)}${domain !== undefined ? ` (${domain})` : ''}`,
  AccountTagged: tagLine,
  AccountUntagged: untagLine,
  AccountCustomFieldSet: customFieldLine,
  AccountArchived: ({ reason }) => `Account archived${suffix(reason)}`,
};
