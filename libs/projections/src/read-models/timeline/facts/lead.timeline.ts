import { LeadEvent } from '@crm/domain';
import { ProjectedEvent } from '../../../projection';
import { Fact, TimelineFacts } from '../timeline-facts';
import { excerpt, suffix, money, personName } from '../timeline-wording';

const leadConverted = (
  event: ProjectedEvent<Extract<LeadEvent, { type: 'LeadConverted' }>>,
): Fact => {
  const { data } = event;
  const parts = [`contact ${data.contactId}`];
  if (data.account !== undefined) {
    const { accountId, createWithName } = data.account;
    parts.push(
      createWithName !== undefined
        ? `new account ${excerpt(createWithName, 60)}`
        : `account ${accountId}`,
    );
  }
  if (data.deal !== undefined) {
    parts.push(`deal ${excerpt(data.deal.title, 60)} (${money(data.deal.amount)})`);
  }
  return {
    occurredAt: data.convertedAt,
    links: {
      leadId: data.leadId,
      contactId: data.contactId,
      accountId: data.account?.accountId,
      dealId: data.deal?.dealId,
      campaignId: data.campaignId,
    },
    summary: `Lead ${personName(data.contact.firstName, data.contact.lastName)} converted: ${parts.join(', ')}`,
  };
};

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points));

/** How lead events read on the timeline. */
export const leadTimeline: TimelineFacts<LeadEvent> = {
  LeadCaptured: (event) => {
    const { data } = event;
    const company = data.contact.company !== undefined ? ` (${data.contact.company})` : '';
    return {
      occurredAt: data.capturedAt,
      links: { leadId: data.leadId, campaignId: data.campaignId },
      summary: `Lead captured from ${data.source}: ${personName(data.contact.firstName, data.contact.lastName)}${company}, score ${data.score}`,
    };
  },
  LeadScoreAdjusted: null,
  LeadScored: (event) => {
    const { modelVersion, changes } = event.data;
    const total = changes.reduce((sum, change) => sum + change.points, 0);
    const reasons = changes.map((change) => `${change.rule} ${signed(change.points)}`).join(', ');
    return {
      links: { leadId: event.data.leadId },
      summary:
        changes.length === 0
          ? `Score unchanged (model v${modelVersion})`
          : `Score ${signed(total)} (model v${modelVersion}: ${reasons})`,
    };
  },
  LeadMarketingQualified: (event) => {
    return {
      occurredAt: event.data.qualifiedAt,
      links: { leadId: event.data.leadId },
      summary: `Lead marketing-qualified: score ${event.data.score} reached ${event.data.threshold} (model v${event.data.modelVersion})`,
    };
  },
  LeadAssigned: null,
  LeadUnassigned: null,
  LeadQualified: (event) => {
    return {
      occurredAt: event.data.qualifiedAt,
      links: { leadId: event.data.leadId },
      summary: `Lead qualified${suffix(event.data.note)}`,
    };
  },
  LeadDisqualified: (event) => {
    return {
      occurredAt: event.data.disqualifiedAt,
      links: { leadId: event.data.leadId },
      summary: `Lead disqualified${suffix(event.data.reason)}`,
    };
  },
  LeadConverted: (event) => {
    return leadConverted(event);
  },
};
