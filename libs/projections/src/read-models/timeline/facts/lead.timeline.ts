import { LeadEvent, Money } from '@crm/domain';
import { ProjectedEvent } from '../../../projection';
import { Fact, keptOptionalText, keptText, TimelineFacts } from '../timeline-facts';
import { excerpt, money, personName, suffix, Wording } from '../timeline-wording';

/** What lead events keep for their timeline lines. */
export type LeadFacts = {
  LeadCaptured: {
    source: string;
    firstName: string;
    lastName: string;
    company?: string;
    score: number;
  };
  LeadScored: { modelVersion: number; changes: { rule: string; points: number }[] };
  LeadMarketingQualified: { modelVersion: number; score: number; threshold: number };
  LeadEngaged: { kind: string };
  LeadQualified: { note?: string };
  LeadDisqualified: { reason?: string };
  LeadConverted: {
    firstName: string;
    lastName: string;
    contactId: string;
    account?: { accountId: string; createWithName?: string };
    deal?: { title: string; amount: Money };
  };
};

const leadConverted = ({
  data,
}: ProjectedEvent<Extract<LeadEvent, { type: 'LeadConverted' }>>): Fact<
  LeadFacts['LeadConverted']
> => ({
  occurredAt: data.convertedAt,
  links: {
    leadId: data.leadId,
    contactId: data.contactId,
    accountId: data.account?.accountId,
    dealId: data.deal?.dealId,
    campaignId: data.campaignId,
  },
  facts: {
    firstName: data.contact.firstName,
    lastName: data.contact.lastName,
    contactId: data.contactId,
    account: data.account && {
      accountId: data.account.accountId,
      createWithName: keptOptionalText(data.account.createWithName),
    },
    deal: data.deal && { title: keptText(data.deal.title), amount: data.deal.amount },
  },
});

/** Which lead events are on the timeline, and their facts. */
export const leadTimeline: TimelineFacts<LeadEvent, LeadFacts> = {
  LeadCaptured: (event) => {
    const { leadId, campaignId, source, contact, score, capturedAt } = event.data;
    return {
      occurredAt: capturedAt,
      links: { leadId, campaignId },
      facts: {
        source,
        firstName: contact.firstName,
        lastName: contact.lastName,
        company: keptOptionalText(contact.company),
        score,
      },
    };
  },
  LeadScoreAdjusted: null,
  LeadScored: (event) => {
    const { leadId, modelVersion, changes } = event.data;
    return {
      links: { leadId },
      facts: { modelVersion, changes: changes.map(({ rule, points }) => ({ rule, points })) },
    };
  },
  LeadMarketingQualified: (event) => {
    const { leadId, modelVersion, score, threshold, qualifiedAt } = event.data;
    return {
      occurredAt: qualifiedAt,
      links: { leadId },
      facts: { modelVersion, score, threshold },
    };
  },
  LeadEngaged: (event) => {
    const { leadId, kind, at } = event.data;
    return { occurredAt: at, links: { leadId }, facts: { kind } };
  },
  LeadAssigned: null,
  LeadUnassigned: null,
  LeadQualified: (event) => {
    return {
      occurredAt: event.data.qualifiedAt,
      links: { leadId: event.data.leadId },
      facts: { note: keptOptionalText(event.data.note) },
    };
  },
  LeadDisqualified: (event) => {
    return {
      occurredAt: event.data.disqualifiedAt,
      links: { leadId: event.data.leadId },
      facts: { reason: keptOptionalText(event.data.reason) },
    };
  },
  LeadConverted: leadConverted,
};

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points));

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

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const leadWording: Wording<LeadFacts> = {
  LeadCaptured: ({ source, firstName, lastName, company, score }) =>
    `Lead captured from ${source}: ${personName(firstName, lastName)}${
      company !== undefined ? ` (${company})` : ''
    }, score ${score}`,
  LeadScored: ({ modelVersion, changes }) => {
    const total = changes.reduce((sum, change) => sum + change.points, 0);
    const reasons = changes.map((change) => `${change.rule} ${signed(change.points)}`).join(', ');
    return changes.length === 0
      ? `Score unchanged (model v${modelVersion})`
      : `Score ${signed(total)} (model v${modelVersion}: ${reasons})`;
  },
  LeadMarketingQualified: ({ modelVersion, score, threshold }) =>
    `Lead marketing-qualified: score ${score} reached ${threshold} (model v${modelVersion})`,
  LeadEngaged: ({ kind }) => `Lead engaged: ${kind}`,
  LeadQualified: ({ note }) => `Lead qualified${suffix(note)}`,
  LeadDisqualified: ({ reason }) => `Lead disqualified${suffix(reason)}`,
  LeadConverted: converted,
};
