import { LeadDocument } from '@crm/projections';
import { Filter } from '@crm/read-store';
import { createHash } from 'node:crypto';
import { CommandContext, processPrincipal } from '../command-context';
import { CommandRequest } from '../processes/command-request';

export const LEAD_DECAY_PROCESS = 'lead-decay';

/** Open leads of every tenant whose next decay period is due at `now`. */
export const dueDecayFilter = (now: Date): Filter => ({ _decayDueAt: { $lte: now.toISOString() } });

/**
 * The decay command for one lead's due period, by the tenant's current model version. Its
 * idempotency key is the lead and the moment the period fell due (its last engagement plus a
 * whole number of periods), so a repeated check (a restart, a second replica) decays once.
 */
export const decayRequest = (
  lead: LeadDocument,
  modelVersion: number,
): CommandRequest<'lead'> | undefined => {
  if (lead._decayDueAt === undefined) return undefined;
  const data = { leadId: lead.leadId, modelVersion };
  const idempotencyKey = `${LEAD_DECAY_PROCESS}:${lead.leadId}:${lead._decayDueAt}`;
  const principal = processPrincipal(LEAD_DECAY_PROCESS);
  const context: CommandContext = {
    tenantId: lead.tenantId,
    actorId: principal.subject,
    principal,
    commandId: idempotencyKey,
    correlationId: idempotencyKey,
    causationId: idempotencyKey,
    idempotencyKey,
    // The due period alone: a version published between two checks does not make it a new request.
    requestHash: createHash('sha256').update(idempotencyKey).digest('hex'),
  };
  return { kind: 'lead', recordId: lead.leadId, intent: { type: 'DecayLeadScore', data }, context };
};
