import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

export type TaskIntents = IntentsOf<'task'>;

export const taskCatalogue = {
  ScheduleTask: {
    creates: true,
    permission: 'task:schedule',
    prepare: async (intent, _context, lookup) => {
      const { relatedTo } = intent;
      if (relatedTo) await lookup.require('relatedTo.id', relatedTo.kind, relatedTo.id);
      return intent;
    },
    route: { method: 'POST', path: '/tasks', summary: 'Schedule a task', handler: 'schedule' },
  },
  RescheduleTask: {
    permission: 'task:reschedule',
    route: {
      method: 'POST',
      path: '/tasks/:id/reschedule',
      summary: 'Move a task to a new due time',
      handler: 'reschedule',
    },
  },
  CompleteTask: {
    permission: 'task:complete',
    route: {
      method: 'POST',
      path: '/tasks/:id/complete',
      summary: 'Complete a task',
      handler: 'complete',
    },
  },
  CancelTask: {
    permission: 'task:cancel',
    route: {
      method: 'POST',
      path: '/tasks/:id/cancel',
      summary: 'Cancel a task',
      handler: 'cancel',
    },
  },
} satisfies KindCatalogue<'task', TaskIntents>;
