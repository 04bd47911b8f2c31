import { InteractionDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import {
  addedCounts,
  interactionCounts,
  interactionStats,
  InteractionStats,
  laterInteraction,
} from './interaction-stats';

/**
 * The stats of an account's interactions and its contacts', each once (a contact's interaction
 * filed under the account counts with the account's). Every part is answered by an index: the
 * contacts' counts are all of theirs minus those filed here, and the latest of the union is the
 * later of the account's latest and its contacts' latest, since a contact's interaction filed
 * here is one of the account's (on a tie the account's wins, as it is listed first).
 */
export const accountInteractionStats = async (
  interactions: DocumentCollection<InteractionDocument>,
  tenantId: string,
  accountId: string,
  contactIds: readonly string[],
  now: Date,
): Promise<InteractionStats> => {
  const [own, ofContacts, ofContactsFiledHere] = await Promise.all([
    interactionStats(interactions, tenantId, 'accountId', [accountId], now),
    interactionStats(interactions, tenantId, 'contactId', contactIds, now),
    interactionCounts(interactions, tenantId, 'contactId', contactIds, { accountId }),
  ]);
  return {
    lastInteraction: laterInteraction(own.lastInteraction, ofContacts.lastInteraction),
    counts: addedCounts(own.counts, addedCounts(ofContacts.counts, ofContactsFiledHere, -1)),
  };
};
