import { RecordRef, TaskCompleted, TaskScheduled } from '@crm/domain';
import { TimelineLinks } from '../timeline.document';
import { timelineProjection } from '../timeline.projection';
import {
  entryOf,
  expectEntry,
  RECORDED_AT,
  TimelineCase,
  timelineEvent as event,
} from '../timeline.test-kit';

const scheduled = (relatedTo?: RecordRef, taskId = 'k-1') =>
  event<TaskScheduled>('TaskScheduled', {
    taskId,
    title: 'Send proposal',
    dueAt: '2026-02-10T09:00:00.000Z',
    assigneeId: 'user-2',
    ...(relatedTo !== undefined && { relatedTo }),
  });

const cases: TimelineCase[] = [
  [
    'TaskScheduled',
    scheduled({ kind: 'deal', id: 'd-1' }),
    {
      occurredAt: RECORDED_AT,
      links: { taskId: 'k-1', dealId: 'd-1' },
      facts: { title: 'Send proposal', dueAt: '2026-02-10T09:00:00.000Z' },
      summary: 'Task scheduled: Send proposal (due 2026-02-10 09:00 UTC)',
    },
  ],
  [
    'TaskCompleted',
    event<TaskCompleted>('TaskCompleted', {
      taskId: 'k-1',
      completedAt: '2026-02-09T16:00:00.000Z',
      outcome: 'proposal sent',
    }),
    {
      occurredAt: '2026-02-09T16:00:00.000Z',
      links: { taskId: 'k-1' },
      facts: { outcome: 'proposal sent' },
      summary: 'Task completed: proposal sent',
    },
  ],
];

describe('tasks on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );

  it('a task related to nothing links only itself', () => {
    const unrelated = entryOf(scheduled(undefined, 'k-2'));
    expect(Object.keys(unrelated).filter((key) => key.endsWith('Id'))).toEqual([
      'tenantId',
      'eventId',
      'taskId',
      'actorId',
    ]);
  });

  it.each<[RecordRef['kind'], keyof TimelineLinks]>([
    ['account', 'accountId'],
    ['contact', 'contactId'],
    ['deal', 'dealId'],
    ['ticket', 'ticketId'],
    ['lead', 'leadId'],
    ['campaign', 'campaignId'],
  ])('TaskScheduled related to a %s links the entry by %s', (kind, field) => {
    const entry = entryOf(scheduled({ kind, id: 'r-1' }));
    expect(entry[field]).toBe('r-1');
    expect(entry.taskId).toBe('k-1');
  });

  it('throws for corrupt data: an unknown kind of related record', () => {
    const corrupt = scheduled({ kind: 'invoice' as RecordRef['kind'], id: 'inv-1' });
    expect(() => timelineProjection.evolve(undefined, corrupt, `acme:${corrupt.id}`)).toThrow(
      /invoice/,
    );
  });
});
