import { CampaignEvent, copyMoney } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { CampaignDocument } from './campaigns.document';

type CampaignEventType = CampaignEvent['type'];
type On<T extends CampaignEventType> = ProjectedEvent<Extract<CampaignEvent, { type: T }>>;

/** Keyed by every member of the union, so a new campaign event type fails to compile until listed. */
const HANDLED: Record<CampaignEventType, true> = {
  CampaignCreated: true,
  CampaignMembersAdded: true,
  CampaignMembersRemoved: true,
  CampaignTouchRecorded: true,
  CampaignCompleted: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isCampaignEvent = (event: ProjectedEvent): event is ProjectedEvent<CampaignEvent> =>
  handles.has(event.type);

const created = (event: On<'CampaignCreated'>, documentId: string): CampaignDocument => {
  const { data } = event;
  const at = event.metadata.recordedAt;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    campaignId: data.campaignId,
    name: data.name,
    channel: data.channel,
    budget: copyMoney(data.budget),
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    status: 'active',
    memberCount: 0,
    touchCounts: { sent: 0, opened: 0, clicked: 0, responded: 0 },
    createdAt: at,
    updatedAt: at,
  };
};

/** The number of distinct ids: the decider sends each once, but a count must never drift. */
const distinctCount = (contactIds: readonly string[]): number => new Set(contactIds).size;

const evolveCampaign = (
  current: CampaignDocument | undefined,
  event: ProjectedEvent<CampaignEvent>,
  documentId: string,
): CampaignDocument | undefined => {
  if (event.type === 'CampaignCreated') return current ?? created(event, documentId);
  // The log is history: an event for a campaign this projection never saw changes nothing.
  if (current === undefined) return current;
  const updatedAt = event.metadata.recordedAt;
  switch (event.type) {
    case 'CampaignMembersAdded':
      return {
        ...current,
        memberCount: current.memberCount + distinctCount(event.data.contactIds),
        updatedAt,
      };
    case 'CampaignMembersRemoved':
      return {
        ...current,
        memberCount: Math.max(0, current.memberCount - distinctCount(event.data.contactIds)),
        updatedAt,
      };
    case 'CampaignTouchRecorded': {
      const { touch } = event.data;
      if (!Object.hasOwn(current.touchCounts, touch)) {
        throw new Error(`CampaignTouchRecorded event ${event.id} has an unknown touch: ${touch}`);
      }
      return {
        ...current,
        touchCounts: { ...current.touchCounts, [touch]: current.touchCounts[touch] + 1 },
        updatedAt,
      };
    }
    case 'CampaignCompleted':
      return {
        ...current,
        status: 'completed',
        completedAt: event.data.completedAt,
        updatedAt: event.data.completedAt,
      };
  }
};

export const campaignsProjection: Projection<CampaignDocument> = {
  name: 'campaigns',
  version: 3,
  history: true,
  indexes: [{ fields: ['tenantId', 'status'] }],
  handles,
  documentIds(event) {
    if (!isCampaignEvent(event)) return [];
    const { campaignId } = event.data;
    if (typeof campaignId !== 'string' || campaignId.length === 0) {
      throw new Error(`${event.type} event ${event.id} has no campaignId`);
    }
    return [documentIdFor(event.metadata.tenantId, campaignId)];
  },
  evolve(current, event, documentId) {
    return isCampaignEvent(event) ? evolveCampaign(current, event, documentId) : current;
  },
};
