import { DealLost, DealOpened, DealReopened, DealStageMoved, DealWon } from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { DealDocument } from './deals.document';
import { dealsProjection } from './deals.projection';

/** The events and the fold the deals projection specs share. */
export const dealId = 'deal-1';

export const spec = ProjectionSpecification.for(dealsProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
export const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, DealDocument>,
) => spec.given(events, start).documents();

export const projectOne = (
  events: ProjectedEvent[],
  id = `acme:${dealId}`,
): DealDocument | undefined => project(events).get(id);

export type Options = { tenantId?: string };

export const opened = (data: Partial<DealOpened['data']> = {}, options: Options = {}) =>
  projectedEvent<DealOpened>(
    {
      type: 'DealOpened',
      data: {
        dealId,
        title: 'Analytical Engines - 50 seats',
        accountId: 'account-1',
        contactId: 'contact-1',
        amount: { amountMinor: 1200000, currency: 'EUR' },
        pipelineId: 'pipeline-1',
        stageId: 'stage-discovery',
        probability: 0.1,
        expectedCloseDate: '2026-03-31',
        ownerId: 'user-7',
        openedAt: '2026-01-05T09:00:00.000Z',
        ...data,
      },
    },
    options,
  );
export const moved = (
  fromStageId: string,
  toStageId: string,
  probability: number,
  movedAt: string,
) =>
  projectedEvent<DealStageMoved>({
    type: 'DealStageMoved',
    data: { dealId, fromStageId, toStageId, probability, movedAt },
  });
export const won = (wonAt: string, amount = { amountMinor: 1200000, currency: 'EUR' }) =>
  projectedEvent<DealWon>({ type: 'DealWon', data: { dealId, amount, wonAt } });
export const lost = (lostAt: string, reason = 'went with a competitor') =>
  projectedEvent<DealLost>({ type: 'DealLost', data: { dealId, reason, lostAt } });
export const reopened = (stageId: string, probability: number, reopenedAt: string) =>
  projectedEvent<DealReopened>({
    type: 'DealReopened',
    data: { dealId, stageId, probability, reopenedAt },
  });
