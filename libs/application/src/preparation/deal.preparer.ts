import { DealState, PipelineState } from '@crm/domain';
import { CommandPreparer, RecordLookup } from './command-preparer';
import { dataOf, requireReferences } from './references';

const stagesOf = async (lookup: RecordLookup, pipelineId: string) => {
  const pipeline = await lookup.state<PipelineState>('pipeline', pipelineId);
  return pipeline.exists ? pipeline.stages : [];
};

/** Deals need their pipeline's stages to check a stage and to carry its win probability. */
export const prepareDealCommand: CommandPreparer = async (command, _context, lookup) => {
  const data = dataOf(command);
  switch (command.type) {
    case 'OpenDeal': {
      await requireReferences(
        data,
        [
          { field: 'pipelineId', kind: 'pipeline' },
          { field: 'accountId', kind: 'account' },
          { field: 'contactId', kind: 'contact' },
        ],
        lookup,
      );
      return {
        ...command,
        data: { ...data, pipelineStages: await stagesOf(lookup, String(data.pipelineId)) },
      };
    }
    case 'MoveDealStage':
    case 'ReopenDeal': {
      const deal = await lookup.state<DealState>('deal', String(data.dealId));
      const pipelineStages = deal.exists ? await stagesOf(lookup, deal.pipelineId) : [];
      return { ...command, data: { ...data, pipelineStages } };
    }
    default:
      return command;
  }
};
