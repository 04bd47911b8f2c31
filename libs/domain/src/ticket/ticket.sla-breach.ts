import { IsoDateTime } from '../shared';
import { TicketSla } from './ticket.sla-policy';

export const TICKET_SLA_TARGET_NAMES = ['first-response', 'resolution'] as const;
export type TicketSlaTarget = (typeof TICKET_SLA_TARGET_NAMES)[number];

/** What decides whether a target was missed: the deadline, and when the ticket got there. */
export type SlaTargetProgress = {
  dueAt: IsoDateTime;
  /** When the target was reached (the first agent reply, the resolution). */
  reachedAt?: IsoDateTime;
  /**
   * When the ticket stopped being worked on without reaching the target (resolved or closed with
   * no agent reply): after that it can no longer miss the target.
   */
  settledAt?: IsoDateTime;
};

/**
 * The instant from which a target counts as missed (its deadline), or undefined when it was met:
 * reached in time, or the ticket settled before the deadline. Shared by the decider and the
 * tickets read model, so the breach detector finds exactly the tickets the decider accepts.
 */
export const slaTargetMissedFrom = ({
  dueAt,
  reachedAt,
  settledAt,
}: SlaTargetProgress): IsoDateTime | undefined => {
  const end = reachedAt ?? settledAt;
  return end !== undefined && Date.parse(end) <= Date.parse(dueAt) ? undefined : dueAt;
};

/** The facts of a ticket the two targets are judged on. */
export type TicketSlaFacts = {
  sla: TicketSla;
  /** Whether the ticket is still being worked on (not resolved, not closed). */
  open: boolean;
  firstRespondedAt?: IsoDateTime;
  /** The current resolution (or the closing, if it was closed unresolved); none while open. */
  settledAt?: IsoDateTime;
};

export const slaTargetProgress = (
  facts: TicketSlaFacts,
  target: TicketSlaTarget,
): SlaTargetProgress => {
  const settledAt = facts.open ? undefined : facts.settledAt;
  return target === 'first-response'
    ? { dueAt: facts.sla.firstResponseDueAt, reachedAt: facts.firstRespondedAt, settledAt }
    : { dueAt: facts.sla.resolutionDueAt, reachedAt: settledAt };
};
