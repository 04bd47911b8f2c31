import { CommandPreparer } from './command-preparer';
import { dataOf } from './references';

/** Counts the open deals in one stage of one pipeline: the rule for removing a stage needs it. */
export type OpenDealsInStageCounter = (
  tenantId: string,
  pipelineId: string,
  stageId: string,
) => Promise<number>;

export const pipelinePreparer =
  (countOpenDeals: OpenDealsInStageCounter): CommandPreparer =>
  async (command, context) => {
    if (command.type !== 'RemovePipelineStage') return command;
    const data = dataOf(command);
    const openDealsInStage = await countOpenDeals(
      context.tenantId,
      String(data.pipelineId),
      String(data.stageId),
    );
    return { ...command, data: { ...data, openDealsInStage } };
  };
