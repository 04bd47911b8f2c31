import {
  ConvertLead,
  LeadConversionAccount,
  LeadState,
  MoneyInput,
  PipelineState,
} from '@crm/domain';
import { CommandContext } from '../command-context';
import { ReferenceNotFoundError } from '../command-errors';
import { deterministicId } from '../deterministic-id';
import { RecordLookup } from './command-preparer';

/** What a client asks for when converting; the preparer turns it into the domain's ConvertLead. */
export type ConvertLeadRequest = {
  leadId: string;
  /** Convert into this existing account instead of creating one from the lead's company. */
  accountId?: string;
  /** Create an account named after the lead's company (default true when it has one). */
  createAccount?: boolean;
  deal?: {
    title: string;
    pipelineId: string;
    /** Defaults to the pipeline's first stage. */
    stageId?: string;
    amount: MoneyInput;
    expectedCloseDate: string;
  };
};

/**
 * The ids of the records a conversion creates are derived from the lead's id, so converting
 * (and the process manager creating them) is repeatable without duplicates.
 */
export const prepareConversion = async (
  request: ConvertLeadRequest,
  context: CommandContext,
  lookup: RecordLookup,
): Promise<ConvertLead['data']> => {
  const lead = await lookup.state<LeadState>('lead', request.leadId);
  const derive = (part: string) =>
    deterministicId(context.tenantId, 'lead-conversion', request.leadId, part);

  let account: LeadConversionAccount | undefined;
  if (request.accountId) {
    await lookup.require('accountId', 'account', request.accountId);
    account = { accountId: request.accountId };
  } else if (lead.exists && lead.contact.company && request.createAccount !== false) {
    account = { accountId: derive('account'), createWithName: lead.contact.company };
  }

  let deal: ConvertLead['data']['deal'];
  if (request.deal) {
    const { pipelineId, stageId } = request.deal;
    await lookup.require('deal.pipelineId', 'pipeline', pipelineId);
    const pipeline = await lookup.state<PipelineState>('pipeline', pipelineId);
    const stages = pipeline.exists ? pipeline.stages : [];
    const stage = stageId ? stages.find((s) => s.stageId === stageId) : stages[0];
    if (!stage)
      throw new ReferenceNotFoundError('deal.stageId', 'pipeline stage', stageId ?? '(first)');
    deal = { ...request.deal, dealId: derive('deal'), stageId: stage.stageId };
  }

  return { leadId: request.leadId, contactId: derive('contact'), account, deal };
};
