import { ScoringModel, ScoringModelDefinition } from '@crm/domain';
import { EventStore, parseEventTypeName } from '@crm/event-store';
import { fixedDurationMs } from '../automation/iso-duration';

/**
 * A tenant's scoring model versions, one event each, in a stream of the tenant's own. The name
 * parses as `<kind>-<tenant>.<id>` (kind `scoringmodel`, no record kind), so the scoring process
 * can tell the tenant from the stream.
 */
export const scoringModelStream = (tenantId: string): string => `scoringmodel-${tenantId}.current`;

export const isScoringModelStream = (streamName: string): boolean =>
  streamName.startsWith('scoringmodel-');

export const SCORING_MODEL_PUBLISHED = 'ScoringModelPublished';
export const SCORING_MODEL_PUBLISHED_TYPE = `${SCORING_MODEL_PUBLISHED}.v1`;

/** Versions published before engagement rules existed have no `engagementRules`. */
export type ScoringModelPublishedData = Omit<ScoringModelDefinition, 'engagementRules'> &
  Partial<Pick<ScoringModelDefinition, 'engagementRules'>> & {
    version: number;
    publishedAt: string;
  };

/** A version as published, with who published it and where it stands in the log. */
export type PublishedScoringModel = ScoringModel & {
  publishedAt: string;
  publishedBy: string;
  position: bigint;
};

const modelOf = (data: ScoringModelPublishedData): ScoringModel => ({
  version: data.version,
  fitRules: data.fitRules.map((rule) => ({ ...rule })),
  engagementRules: (data.engagementRules ?? []).map((rule) => ({ ...rule })),
  threshold: data.threshold,
  ...(data.decay !== undefined && {
    decay: { ...data.decay, everyMs: fixedDurationMs(data.decay.every) ?? 0 },
  }),
});

/** Every version of the tenant's model, oldest first. */
export const readScoringModels = async (
  store: EventStore,
  tenantId: string,
): Promise<PublishedScoringModel[]> => {
  const events = await store.readStream(scoringModelStream(tenantId));
  return events
    .filter((event) => parseEventTypeName(event.type).name === SCORING_MODEL_PUBLISHED)
    .map((event) => {
      const data = event.data as unknown as ScoringModelPublishedData;
      return {
        ...modelOf(data),
        publishedAt: data.publishedAt,
        publishedBy: String(event.metadata.actorId),
        position: event.position,
      };
    });
};

/** The version in force at a point of the log: the last one published before it. */
export const modelInForceAt = (
  models: readonly PublishedScoringModel[],
  position: bigint,
): PublishedScoringModel | undefined => models.filter((model) => model.position < position).pop();
