import { IsoDate, IsoDateTime, MoneyInput, toMoneyInput } from '@crm/domain';
import { DealDocument, InteractionDocument, TaskDocument, TicketDocument } from '@crm/projections';
import { ticketSlaAt, TicketSlaView } from './ticket-sla';
import { timeOf } from './time-spans';
import { View, viewOf } from './view-json';

/** The short forms of records that 360 views list. */

export type DealSummary = {
  dealId: string;
  title: string;
  amount: MoneyInput;
  status: DealDocument['status'];
  pipelineId: string;
  stageId: string;
  probability: number;
  expectedCloseDate: IsoDate;
  ownerId: string;
  accountId?: string;
  contactId?: string;
  openedAt: IsoDateTime;
  closedAt?: IsoDateTime;
  lostReason?: string;
};

export const dealSummary = (deal: DealDocument): DealSummary => ({
  dealId: deal.dealId,
  title: deal.title,
  amount: toMoneyInput(deal.amount),
  status: deal.status,
  pipelineId: deal.pipelineId,
  stageId: deal.stageId,
  probability: deal.probability,
  expectedCloseDate: deal.expectedCloseDate,
  ownerId: deal.ownerId,
  ...(deal.accountId !== undefined && { accountId: deal.accountId }),
  ...(deal.contactId !== undefined && { contactId: deal.contactId }),
  openedAt: deal.openedAt,
  ...(deal.closedAt !== undefined && { closedAt: deal.closedAt }),
  ...(deal.status === 'lost' && deal.lostReason !== undefined && { lostReason: deal.lostReason }),
});

export type TicketSummary = {
  ticketId: string;
  subject: string;
  status: TicketDocument['status'];
  priority: TicketDocument['priority'];
  channel: TicketDocument['channel'];
  contactId: string;
  accountId?: string;
  assigneeId?: string;
  openedAt: IsoDateTime;
  escalationLevel: number;
  /** Where the SLA targets stand at the `now` the view was asked for. */
  sla: TicketSlaView;
};

export const ticketSummary = (ticket: TicketDocument, now: Date): TicketSummary => ({
  ticketId: ticket.ticketId,
  subject: ticket.subject,
  status: ticket.status,
  priority: ticket.priority,
  channel: ticket.channel,
  contactId: ticket.contactId,
  ...(ticket.accountId !== undefined && { accountId: ticket.accountId }),
  ...(ticket.assigneeId !== undefined && { assigneeId: ticket.assigneeId }),
  openedAt: ticket.openedAt,
  escalationLevel: ticket.escalationLevel,
  sla: ticketSlaAt(ticket, now),
});

export type TaskView = View<TaskDocument> & { overdue: boolean };

/** A task with whether it is overdue at `now` (open and due before it). */
export const taskView = (task: TaskDocument, now: Date): TaskView => ({
  ...viewOf(task),
  overdue: task.status === 'open' && timeOf(task.dueAt) < now.getTime(),
});

export type InteractionView = View<InteractionDocument>;

export const interactionView = (interaction: InteractionDocument): InteractionView =>
  viewOf(interaction);
