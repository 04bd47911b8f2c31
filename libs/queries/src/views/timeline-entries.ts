import {
  NAMES_BY_ID,
  STAGE_NAMING_KINDS,
  TimelineEntryDocument,
  TimelineNames,
  timelineSummary,
} from '@crm/projections';
import { ReadCollections } from './read-model-collections';
import { stageNames } from './stage-names';
import { ownDocuments } from './tenant-documents';
import { viewOf } from './view-json';

/** One timeline entry as views answer it: its facts worded into a `summary`. */
export type TimelineEntry = Omit<TimelineEntryDocument, '_id' | 'tenantId' | 'facts'> & {
  summary: string;
};

/**
 * The names the entries' lines need, by entry id: the stages of each deal's pipeline as they
 * are named now (a stage renamed since the move shows its new name).
 */
const namesOf = async (
  collections: ReadCollections,
  tenantId: string,
  documents: readonly TimelineEntryDocument[],
): Promise<(document: TimelineEntryDocument) => TimelineNames> => {
  const dealIds = documents.flatMap((document) =>
    document.dealId !== undefined && STAGE_NAMING_KINDS.has(document.type) ? [document.dealId] : [],
  );
  if (dealIds.length === 0) return () => NAMES_BY_ID;
  const deals = await ownDocuments(await collections.deals(), tenantId, dealIds);
  const pipelines = await ownDocuments(
    await collections.pipelines(),
    tenantId,
    [...deals.values()].map((deal) => deal.pipelineId),
  );
  const namers = new Map(
    [...deals].map(([dealId, deal]): [string, TimelineNames] => {
      const nameOf = stageNames(pipelines.get(deal.pipelineId));
      return [dealId, { stage: (stageId) => nameOf(stageId).name }];
    }),
  );
  return (document) =>
    (document.dealId !== undefined ? namers.get(document.dealId) : undefined) ?? NAMES_BY_ID;
};

/** The entries as answered, each line worded now from its stored facts. */
export const answeredEntries = async (
  collections: ReadCollections,
  tenantId: string,
  documents: readonly TimelineEntryDocument[],
): Promise<TimelineEntry[]> => {
  const namesFor = await namesOf(collections, tenantId, documents);
  return documents.map((document) => {
    const { tenantId: _tenantId, facts: _facts, ...entry } = viewOf(document);
    return { ...entry, summary: timelineSummary(document, namesFor(document)) };
  });
};
