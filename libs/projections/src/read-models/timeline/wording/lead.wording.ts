import { LeadFacts } from '../facts/lead.timeline';
import { excerpt, money, personName, suffix, Wording } from '../timeline-wording';

const converted = ({
  firstName,
  lastName,
  contactId,
  account,
  deal,
}: LeadFacts['LeadConverted']) => {
  const parts = [`contact ${contactId}`];
  if (account !== undefined) {
    parts.push(
      account.createWithName !== undefined
        ? `new account ${excerpt(account.createWithName, 60)}`
        : `account ${account.accountId}`,
    );
  }
  if (deal !== undefined) parts.push(`deal ${excerpt(deal.title, 60)} (${money(deal.amount)})`);
  return `Lead ${personName(firstName, lastName)} converted: ${parts.join(', ')}`;
};

export const leadWording: Wording<LeadFacts> = {
  LeadCaptured: ({ source, firstName, lastName, company, score }) =>
    `Lead captured from ${source}: ${personName(firstName, lastName)}${
      company !== undefined ? ` (${company})` : ''
    }, score ${score}`,
  LeadQualified: ({ note }) => `Lead qualified${suffix(note)}`,
  LeadDisqualified: ({ reason }) => `Lead disqualified${suffix(reason)}`,
  LeadConverted: converted,
};
