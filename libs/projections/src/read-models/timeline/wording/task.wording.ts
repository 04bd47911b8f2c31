import { TaskFacts } from '../facts/task.timeline';
import { excerpt, moment, suffix, Wording } from '../timeline-wording';

export const taskWording: Wording<TaskFacts> = {
  TaskScheduled: ({ title, dueAt }) =>
    `Task scheduled: ${excerpt(title, 80)} (due ${moment(dueAt)})`,
  TaskCompleted: ({ outcome }) => `Task completed${suffix(outcome)}`,
};
