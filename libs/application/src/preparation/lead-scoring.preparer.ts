import { leadErrors, ScoreLead } from '@crm/domain';
import { CommandContext } from '../command-context';
import { RecordLookup } from './command-preparer';

/** Which version of the tenant's model to score a lead by; the preparer loads it. */
export type ScoreLeadRequest = { leadId: string; modelVersion: number };

export const prepareLeadScoring = async (
  intent: ScoreLeadRequest,
  _context: CommandContext,
  lookup: RecordLookup,
): Promise<ScoreLead['data']> => {
  const model = await lookup.scoringModel(intent.modelVersion);
  if (!model) {
    throw leadErrors.rule(
      'LEAD_SCORING_MODEL_NOT_FOUND',
      `the tenant has no scoring model version ${intent.modelVersion}`,
      { leadId: intent.leadId, modelVersion: intent.modelVersion },
    );
  }
  return { leadId: intent.leadId, model };
};
