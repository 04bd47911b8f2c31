import { CampaignEvent } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { CampaignMemberDocument } from './campaign-members.document';

/** How many touches a member document keeps; the counts keep counting past it. */
export const CAMPAIGN_MEMBER_TOUCH_LIMIT = 50;

type MemberEvent = Extract<
  CampaignEvent,
  { type: 'CampaignMembersAdded' | 'CampaignMembersRemoved' | 'CampaignTouchRecorded' }
>;
type On<T extends MemberEvent['type']> = ProjectedEvent<Extract<MemberEvent, { type: T }>>;

const HANDLED: Record<MemberEvent['type'], true> = {
  CampaignMembersAdded: true,
  CampaignMembersRemoved: true,
  CampaignTouchRecorded: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isMemberEvent = (event: ProjectedEvent): event is ProjectedEvent<MemberEvent> =>
  handles.has(event.type);

const memberKey = (campaignId: string, contactId: string): string => `${campaignId}:${contactId}`;

const requireId = (event: ProjectedEvent, field: string, value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${event.type} event ${event.id} has no ${field}`);
  }
  return value;
};

/** The contacts an event is about, each checked and listed once. */
const contactIdsOf = (event: ProjectedEvent<MemberEvent>): string[] => {
  if (event.type === 'CampaignTouchRecorded') {
    return [requireId(event, 'contactId', event.data.contactId)];
  }
  const { contactIds } = event.data;
  if (!Array.isArray(contactIds))
    throw new Error(`${event.type} event ${event.id} has no contactIds`);
  return [...new Set(contactIds.map((contactId) => requireId(event, 'contactId', contactId)))];
};

/** Which of the event's contacts `documentId` belongs to (ids may hold `:`, so match whole ids). */
const contactIdFor = (event: On<'CampaignMembersAdded'>, documentId: string): string | undefined =>
  event.data.contactIds.find(
    (contactId) =>
      documentIdFor(event.metadata.tenantId, memberKey(event.data.campaignId, contactId)) ===
      documentId,
  );

const added = (
  current: CampaignMemberDocument | undefined,
  event: On<'CampaignMembersAdded'>,
  documentId: string,
): CampaignMemberDocument | undefined => {
  const at = event.metadata.recordedAt;
  if (current !== undefined) {
    if (current.active) return current;
    const { removedAt: _removed, ...rest } = current;
    return { ...rest, active: true, addedAt: at, updatedAt: at };
  }
  const contactId = contactIdFor(event, documentId);
  if (contactId === undefined) return current;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    campaignId: event.data.campaignId,
    contactId,
    active: true,
    addedAt: at,
    touches: [],
    touchCounts: { sent: 0, opened: 0, clicked: 0, responded: 0 },
    updatedAt: at,
  };
};

const touched = (
  member: CampaignMemberDocument,
  event: On<'CampaignTouchRecorded'>,
): CampaignMemberDocument => {
  const { touch, occurredAt } = event.data;
  if (!Object.hasOwn(member.touchCounts, touch)) {
    throw new Error(`CampaignTouchRecorded event ${event.id} has an unknown touch: ${touch}`);
  }
  return {
    ...member,
    touches: [...member.touches, { touch, occurredAt }].slice(-CAMPAIGN_MEMBER_TOUCH_LIMIT),
    touchCounts: { ...member.touchCounts, [touch]: member.touchCounts[touch] + 1 },
    lastTouchAt:
      member.lastTouchAt !== undefined && member.lastTouchAt > occurredAt
        ? member.lastTouchAt
        : occurredAt,
    updatedAt: event.metadata.recordedAt,
  };
};

const evolveMember = (
  current: CampaignMemberDocument | undefined,
  event: ProjectedEvent<MemberEvent>,
  documentId: string,
): CampaignMemberDocument | undefined => {
  switch (event.type) {
    case 'CampaignMembersAdded':
      return added(current, event, documentId);
    case 'CampaignMembersRemoved': {
      if (current === undefined || !current.active) return current;
      const at = event.metadata.recordedAt;
      return { ...current, active: false, removedAt: at, updatedAt: at };
    }
    case 'CampaignTouchRecorded':
      // A touch for a contact this projection never saw join (should not happen) changes nothing.
      return current === undefined ? current : touched(current, event);
  }
};

export const campaignMembersProjection: Projection<CampaignMemberDocument> = {
  name: 'campaignMembers',
  version: 1,
  history: true,
  indexes: [{ fields: ['tenantId', 'contactId'] }, { fields: ['tenantId', 'campaignId'] }],
  handles,
  documentIds(event) {
    if (!isMemberEvent(event)) return [];
    const campaignId = requireId(event, 'campaignId', event.data.campaignId);
    return contactIdsOf(event).map((contactId) =>
      documentIdFor(event.metadata.tenantId, memberKey(campaignId, contactId)),
    );
  },
  evolve(current, event, documentId) {
    return isMemberEvent(event) ? evolveMember(current, event, documentId) : current;
  },
};
