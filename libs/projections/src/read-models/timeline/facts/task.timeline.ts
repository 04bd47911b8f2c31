import { RecordRef, TaskEvent } from '@crm/domain';
import { keptOptionalText, keptText, TimelineFacts } from '../timeline-facts';
import { TimelineLinks } from '../timeline.document';
import { excerpt, moment, suffix, Wording } from '../timeline-wording';

/** What task events keep for their timeline lines. */
export type TaskFacts = {
  TaskScheduled: { title: string; dueAt: string };
  TaskCompleted: { outcome?: string };
};

const RELATED_LINK: Record<RecordRef['kind'], keyof TimelineLinks> = {
  account: 'accountId',
  contact: 'contactId',
  lead: 'leadId',
  deal: 'dealId',
  ticket: 'ticketId',
  campaign: 'campaignId',
};

const relatedLinks = (relatedTo: RecordRef | undefined): TimelineLinks => {
  if (relatedTo === undefined) return {};
  if (!Object.hasOwn(RELATED_LINK, relatedTo.kind)) {
    throw new Error(`a task is related to an unknown kind of record: ${relatedTo.kind}`);
  }
  return { [RELATED_LINK[relatedTo.kind]]: relatedTo.id };
};

/** Which task events are on the timeline, and their facts. */
export const taskTimeline: TimelineFacts<TaskEvent, TaskFacts> = {
  TaskScheduled: (event) => {
    const { taskId, title, dueAt, relatedTo } = event.data;
    return {
      links: { taskId, ...relatedLinks(relatedTo) },
      facts: { title: keptText(title), dueAt },
    };
  },
  TaskRescheduled: null,
  TaskCompleted: (event) => {
    // The event carries only the task id: no title, no related record.
    return {
      occurredAt: event.data.completedAt,
      links: { taskId: event.data.taskId },
      facts: { outcome: keptOptionalText(event.data.outcome) },
    };
  },
  TaskCancelled: null,
};

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const taskWording: Wording<TaskFacts> = {
  TaskScheduled: ({ title, dueAt }) =>
    `Task scheduled: ${excerpt(title, 80)} (due ${moment(dueAt)})`,
  TaskCompleted: ({ outcome }) => `Task completed${suffix(outcome)}`,
};
