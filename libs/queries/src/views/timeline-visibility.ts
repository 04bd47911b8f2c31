import { AggregateKind } from '@crm/domain';
import { documentIdFor, TimelineEntryDocument, TimelineLinks } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { ReadScope } from './read-scope';
import { VisibleOf } from './scoped-collection';

/** The field through which a timeline entry links a record of each kind. */
const LINK_OF: Partial<Record<AggregateKind, keyof TimelineLinks>> = {
  account: 'accountId',
  campaign: 'campaignId',
  contact: 'contactId',
  deal: 'dealId',
  interaction: 'interactionId',
  lead: 'leadId',
  quote: 'quoteId',
  task: 'taskId',
  ticket: 'ticketId',
};

/**
 * Timeline entries the scope lets see: an entry is visible when every record it links is (a
 * contact's timeline then leaves out the opening of another rep's deal on that contact).
 * `scopedCollection` gives the caller's view of a kind's records, already narrowed by the scope.
 */
export const visibleTimelineEntries =
  (
    scope: ReadScope,
    scopedCollection: (kind: AggregateKind) => Promise<DocumentCollection>,
  ): VisibleOf<TimelineEntryDocument> =>
  async (entries) => {
    const hidden = new Set<string>();
    for (const kind of Object.keys(scope.filters) as AggregateKind[]) {
      const field = LINK_OF[kind];
      if (field === undefined) continue;
      const linked = entries.flatMap((entry) => {
        const recordId = entry[field];
        return recordId === undefined
          ? []
          : [{ entry, id: documentIdFor(entry.tenantId, recordId) }];
      });
      if (linked.length === 0) continue;
      const seen = await (
        await scopedCollection(kind)
      ).getMany([...new Set(linked.map((l) => l.id))]);
      for (const { entry, id } of linked) if (!seen.has(id)) hidden.add(entry._id);
    }
    return entries.filter((entry) => !hidden.has(entry._id));
  };
