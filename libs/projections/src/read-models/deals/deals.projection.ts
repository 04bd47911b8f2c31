import { copyMoney, DealEvent, IsoDateTime } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { DealDocument } from './deals.document';

type DealEventType = DealEvent['type'];
type On<T extends DealEventType> = ProjectedEvent<Extract<DealEvent, { type: T }>>;

/** Keyed by every member of the union, so a new deal event type fails to compile until listed. */
const HANDLED: Record<DealEventType, true> = {
  DealOpened: true,
  DealAmountChanged: true,
  DealExpectedCloseChanged: true,
  DealStageMoved: true,
  DealWon: true,
  DealLost: true,
  DealReopened: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isDealEvent = (event: ProjectedEvent): event is ProjectedEvent<DealEvent> =>
  handles.has(event.type);

const opened = (event: On<'DealOpened'>, documentId: string): DealDocument => {
  const { data } = event;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    dealId: data.dealId,
    title: data.title,
    ...(data.accountId !== undefined && { accountId: data.accountId }),
    ...(data.contactId !== undefined && { contactId: data.contactId }),
    amount: copyMoney(data.amount),
    pipelineId: data.pipelineId,
    stageId: data.stageId,
    probability: data.probability,
    expectedCloseDate: data.expectedCloseDate,
    ownerId: data.ownerId,
    ...(data.origin !== undefined && { origin: { leadId: data.origin.leadId } }),
    status: 'open',
    openedAt: data.openedAt,
    reopenCount: 0,
    stageEnteredAt: data.openedAt,
    stageHistory: [{ stageId: data.stageId, enteredAt: data.openedAt }],
  };
};

/** Closes the open stay (if any) at `at` and starts a stay in `stageId`. */
const enterStage = (
  deal: DealDocument,
  stageId: string,
  at: IsoDateTime,
): Pick<DealDocument, 'stageId' | 'stageEnteredAt' | 'stageHistory'> => ({
  stageId,
  stageEnteredAt: at,
  stageHistory: [
    ...deal.stageHistory.map((visit) =>
      visit.leftAt === undefined ? { ...visit, leftAt: at } : visit,
    ),
    { stageId, enteredAt: at },
  ],
});

const won = (deal: DealDocument, event: On<'DealWon'>): DealDocument => {
  const { lostAt: _lostAt, lostReason: _lostReason, ...rest } = deal;
  const { amount, wonAt } = event.data;
  return {
    ...rest,
    amount: copyMoney(amount),
    status: 'won',
    closedAt: wonAt,
    wonAt,
  };
};

const lost = (deal: DealDocument, event: On<'DealLost'>): DealDocument => {
  const { wonAt: _wonAt, ...rest } = deal;
  const { lostAt, reason } = event.data;
  return { ...rest, status: 'lost', closedAt: lostAt, lostAt, lostReason: reason };
};

const reopened = (deal: DealDocument, event: On<'DealReopened'>): DealDocument => {
  // Open again: the outcome it had no longer holds, so it has no wonAt / lostAt any more.
  const {
    closedAt: _closedAt,
    wonAt: _wonAt,
    lostAt: _lostAt,
    lostReason: _lostReason,
    ...rest
  } = deal;
  const { stageId, probability, reopenedAt } = event.data;
  return {
    ...rest,
    ...(stageId !== deal.stageId && enterStage(deal, stageId, reopenedAt)),
    status: 'open',
    probability,
    reopenCount: deal.reopenCount + 1,
  };
};

const evolveDeal = (
  current: DealDocument | undefined,
  event: ProjectedEvent<DealEvent>,
  documentId: string,
): DealDocument | undefined => {
  if (event.type === 'DealOpened') return opened(event, documentId);
  // Any other event for a deal this collection never saw changes nothing.
  if (current === undefined) return current;
  switch (event.type) {
    case 'DealAmountChanged': {
      return { ...current, amount: copyMoney(event.data.amount) };
    }
    case 'DealExpectedCloseChanged':
      return { ...current, expectedCloseDate: event.data.expectedCloseDate };
    case 'DealStageMoved':
      return {
        ...current,
        ...enterStage(current, event.data.toStageId, event.data.movedAt),
        probability: event.data.probability,
      };
    case 'DealWon':
      return won(current, event);
    case 'DealLost':
      return lost(current, event);
    case 'DealReopened':
      return reopened(current, event);
  }
};

/** `deals`: one document per deal. */
export const dealsProjection: Projection<DealDocument> = {
  name: 'deals',
  version: 4,
  history: true,
  indexes: [
    // A board column and its next pages (the open deals of a stage, soonest expected close
    // first); its prefix serves the queries by pipeline and status.
    { fields: ['tenantId', 'pipelineId', 'status', 'stageId', 'expectedCloseDate', 'dealId'] },
    // The same for one owner's deals: the board of a rep whose row rule is `ownerId = X`.
    {
      fields: [
        'tenantId',
        'pipelineId',
        'status',
        'stageId',
        'ownerId',
        'expectedCloseDate',
        'dealId',
      ],
    },
    { fields: ['tenantId', 'contactId'] },
    { fields: ['tenantId', 'accountId'] },
    // An owner's deals, newest first (the default order of `GET /deals?ownerId=`).
    { fields: ['tenantId', 'ownerId', 'openedAt', 'dealId'] },
    { fields: ['tenantId', 'status'] },
  ],
  handles,
  documentIds: (event) =>
    isDealEvent(event) ? [documentIdFor(event.metadata.tenantId, event.data.dealId)] : [],
  evolve: (current, event, documentId) =>
    isDealEvent(event) ? evolveDeal(current, event, documentId) : current,
};
