import { RuleDefinition } from '@crm/application';

const task = (title: string, assigneeId: string, dueAt = '{{action.runAt + P1D}}') => ({
  command: 'ScheduleTask',
  data: { title, dueAt, assigneeId },
});

/**
 * The automation figure's ten rules, in the shapes the README documents, over the event types of
 * the workload: conditions that match some events (won and lost deals, urgent tickets, referral
 * leads, executives), ones that match none (calls longer than the longest the demo logs, an
 * email subject it never writes), one round robin and one delayed action with a record condition.
 */
export const BENCH_RULES: RuleDefinition[] = [
  {
    name: 'Onboarding call after a won deal',
    trigger: { eventType: 'DealWon' },
    actions: [task('Onboarding call', 'rep-onboarding', '{{event.data.wonAt + P3D}}')],
  },
  {
    name: 'Win-back a lost deal in a quarter',
    trigger: { eventType: 'DealLost' },
    actions: [task('Win-back call', 'rep-winback', '{{event.data.lostAt + P90D}}')],
  },
  {
    name: 'Urgent tickets go to the on-call agent',
    trigger: { eventType: 'TicketOpened', where: { priority: 'urgent' } },
    actions: [
      {
        command: 'AssignTicket',
        data: { ticketId: '{{event.data.ticketId}}', agentId: 'on-call' },
      },
    ],
  },
  {
    name: 'Reopened tickets are escalated',
    trigger: { eventType: 'TicketReopened' },
    actions: [
      {
        command: 'EscalateTicket',
        data: { ticketId: '{{event.data.ticketId}}', reason: 'reopened by the customer' },
      },
    ],
  },
  {
    name: 'Referral leads round robin',
    trigger: { eventType: 'LeadCaptured', where: { source: 'referral' } },
    actions: [{ assignRoundRobin: { over: ['rep-a', 'rep-b', 'rep-c'] } }],
  },
  {
    name: 'Tag executives',
    trigger: {
      eventType: 'ContactCreated',
      where: { title: { $regex: 'chief|vp', $options: 'i' } },
    },
    actions: [
      { command: 'TagContact', data: { contactId: '{{event.data.contactId}}', tag: 'executive' } },
    ],
  },
  {
    name: 'Deal stuck in a stage for five days',
    trigger: {
      eventType: 'DealStageMoved',
      recordWhere: { stageId: '{{event.data.toStageId}}', status: 'open' },
    },
    delay: { after: 'P5D' },
    actions: [task('Deal stuck for five days', 'rep-pipeline')],
  },
  {
    name: 'Calls over three hours (none in the workload)',
    trigger: { eventType: 'CallLogged', where: { durationSeconds: { $gt: 10_800 } } },
    actions: [task('Review a very long call', 'rep-quality')],
  },
  {
    name: 'Refund emails (none in the workload)',
    trigger: { eventType: 'EmailLogged', where: { subject: { $regex: '^REFUND REQUEST' } } },
    actions: [task('Answer a refund request', 'rep-billing')],
  },
  {
    name: 'Escalated tickets get a follow-up task',
    trigger: { eventType: 'TicketEscalated', where: { level: { $gte: 2 } } },
    actions: [task('Follow up an escalation', 'rep-support')],
  },
];
