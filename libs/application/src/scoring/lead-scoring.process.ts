import { EventSerializer, EventStore, StoredEvent } from '@crm/event-store';
import { concatMap, filter, from, Observable } from 'rxjs';
import { CommandRequest } from '../processes/command-request';
import { processCommandContext } from '../processes/process-command-context';
import { ProcessDefinition } from '../processes/process-definition';
import { parseStreamName } from '../stream-name';
import { openLeadsAt } from './open-leads-by-log-scan';
import {
  isScoringModelStream,
  modelInForceAt,
  readScoringModels,
  SCORING_MODEL_PUBLISHED,
  ScoringModelPublishedData,
} from './scoring-model-stream';

export const LEAD_SCORING_PROCESS = 'lead-scoring';

/**
 * A lead's score is worked out again when it is captured, adjusted by hand (the threshold) or
 * engaged (the engagement rules).
 */
const LEAD_TRIGGERS: ReadonlySet<string> = new Set([
  'LeadCaptured',
  'LeadScoreAdjusted',
  'LeadEngaged',
]);

const scoreLead = (
  event: StoredEvent,
  leadId: string,
  modelVersion: number,
  key: string,
): CommandRequest<'lead'> => {
  const intent = { type: 'ScoreLead' as const, data: { leadId, modelVersion } };
  return {
    kind: 'lead',
    recordId: leadId,
    intent,
    context: processCommandContext(LEAD_SCORING_PROCESS, event, key, intent),
  };
};

/**
 * Lead scoring from the log: a captured, adjusted or engaged lead is scored by the model in force at
 * its event; a newly published model rescores every lead open at its publication. Keys derive
 * from the triggering event and the version, so a replay after a crash repeats nothing.
 */
export const leadScoringProcess = (
  store: EventStore,
  serializer: EventSerializer,
): ProcessDefinition => {
  const commandsFor = async (event: StoredEvent): Promise<CommandRequest[]> => {
    const tenantId = event.metadata.tenantId;
    const stream = parseStreamName(event.streamName);
    if (event.type === SCORING_MODEL_PUBLISHED && isScoringModelStream(event.streamName)) {
      const { version } = event.data as unknown as ScoringModelPublishedData;
      const leadIds = await openLeadsAt(store, serializer, tenantId, event.position);
      return leadIds.map((leadId) =>
        scoreLead(
          event,
          leadId,
          version,
          `${LEAD_SCORING_PROCESS}:${event.id}:v${version}:${leadId}`,
        ),
      );
    }
    if (!LEAD_TRIGGERS.has(event.type) || stream?.kind !== 'lead') return [];
    const model = modelInForceAt(await readScoringModels(store, tenantId), event.position);
    if (!model) return [];
    return [
      scoreLead(
        event,
        stream.recordId,
        model.version,
        `${LEAD_SCORING_PROCESS}:${event.id}:v${model.version}`,
      ),
    ];
  };
  return {
    name: LEAD_SCORING_PROCESS,
    handles: (eventType) => LEAD_TRIGGERS.has(eventType) || eventType === SCORING_MODEL_PUBLISHED,
    saga: (events$: Observable<StoredEvent>) =>
      events$.pipe(
        filter((event) => event.type === SCORING_MODEL_PUBLISHED || LEAD_TRIGGERS.has(event.type)),
        concatMap((event) => from(commandsFor(event))),
        concatMap((requests) => from(requests)),
      ),
  };
};
