import { InteractionChannel, InteractionDocument } from '@crm/projections';
import { ReadModels } from '../../read-models';
import { readCollections } from '../read-model-collections';
import { View, viewOf } from '../view-json';
import {
  definedConditions,
  KeysetPage,
  keysetList,
  ListRequest,
  ordersOn,
  rangeOf,
} from './keyset-list';

export const INTERACTION_ORDERS = ordersOn<InteractionDocument, 'occurredAt'>('interactionId', [
  'occurredAt',
]);

export type InteractionListFilter = ListRequest & {
  channel?: InteractionChannel;
  contactId?: string;
  accountId?: string;
  dealId?: string;
  ticketId?: string;
  occurredFrom?: string;
  occurredTo?: string;
  /** One of INTERACTION_ORDERS; the latest first when absent. */
  sort?: keyof typeof INTERACTION_ORDERS;
};

/** The tenant's interactions matching every filter given, one page at a time. */
export const listInteractions = async (
  readModels: ReadModels,
  tenantId: string,
  request: InteractionListFilter = {},
): Promise<KeysetPage<View<InteractionDocument>>> =>
  keysetList(
    await readCollections(readModels).interactions(),
    {
      tenantId,
      filter: definedConditions({
        channel: request.channel,
        contactId: request.contactId,
        accountId: request.accountId,
        dealId: request.dealId,
        ticketId: request.ticketId,
        occurredAt: rangeOf(request.occurredFrom, request.occurredTo),
      }),
      order: INTERACTION_ORDERS[request.sort ?? '-occurredAt'],
      view: viewOf,
    },
    request,
  );
