import { RemovePipelineStage } from '@crm/domain';
import { CommandContext } from '../command-context';
import { RecordLookup } from './command-preparer';

/** Counts the open deals in one stage of one pipeline: the rule for removing a stage needs it. */
export type OpenDealsInStageCounter = (
  tenantId: string,
  pipelineId: string,
  stageId: string,
) => Promise<number>;

export const countOpenDealsInStage = async (
  intent: Omit<RemovePipelineStage['data'], 'openDealsInStage'>,
  _context: CommandContext,
  lookup: RecordLookup,
): Promise<RemovePipelineStage['data']> => ({
  ...intent,
  openDealsInStage: await lookup.openDealsInStage(intent.pipelineId, intent.stageId),
});
