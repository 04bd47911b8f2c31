import { ScoringModelDefinition } from '@crm/domain';
import {
  chainEvents,
  EventStore,
  lastLinkOf,
  PrincipalRecord,
  WrongExpectedRevisionError,
} from '@crm/event-store';
import { administrativeEvent } from '../audit/chained-administrative-append';
import {
  PublishedScoringModel,
  readScoringModels,
  SCORING_MODEL_PUBLISHED_TYPE,
  ScoringModelPublishedData,
  scoringModelStream,
} from './scoring-model-stream';

const MAX_ATTEMPTS = 10;

/**
 * Publishes the next version of the tenant's model, hash-chained with the principal. The
 * version is the stream's next number, worked out again after a concurrent publication.
 */
export const publishScoringModel = async (
  store: EventStore,
  tenantId: string,
  definition: ScoringModelDefinition,
  by: PrincipalRecord,
  at: Date,
): Promise<PublishedScoringModel> => {
  const stream = scoringModelStream(tenantId);
  for (let attempt = 1; ; attempt++) {
    const stored = await store.readStream(stream);
    const last = stored[stored.length - 1];
    const data: ScoringModelPublishedData = {
      version: stored.length + 1,
      fitRules: definition.fitRules,
      engagementRules: definition.engagementRules,
      threshold: definition.threshold,
      ...(definition.decay !== undefined && { decay: { ...definition.decay } }),
      publishedAt: at.toISOString(),
    };
    const change = { tenantId, commandType: 'PublishScoringModel', by, at };
    const event = administrativeEvent(SCORING_MODEL_PUBLISHED_TYPE, data, change);
    try {
      await store.appendToStream(stream, chainEvents(lastLinkOf(stored), [event]), {
        expectedRevision: last ? last.revision : 'no_stream',
      });
      const models = await readScoringModels(store, tenantId);
      const published = models.find((model) => model.version === data.version);
      if (!published) throw new Error(`scoring model v${data.version} was not read back`);
      return published;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt === MAX_ATTEMPTS) throw error;
    }
  }
};
