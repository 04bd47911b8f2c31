import { RecordRef, TaskEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';
import { TimelineLinks } from '../timeline.document';
import { excerpt, suffix, moment } from '../timeline-wording';

export const RELATED_LINK: Record<RecordRef['kind'], keyof TimelineLinks> = {
  account: 'accountId',
  contact: 'contactId',
  lead: 'leadId',
  deal: 'dealId',
  ticket: 'ticketId',
  campaign: 'campaignId',
};

export const relatedLinks = (relatedTo: RecordRef | undefined): TimelineLinks => {
  if (relatedTo === undefined) return {};
  if (!Object.hasOwn(RELATED_LINK, relatedTo.kind)) {
    throw new Error(`a task is related to an unknown kind of record: ${relatedTo.kind}`);
  }
  return { [RELATED_LINK[relatedTo.kind]]: relatedTo.id };
};

/** How task events read on the timeline. */
export const taskTimeline: TimelineFacts<TaskEvent> = {
  TaskScheduled: (event) => {
    const { taskId, title, dueAt, relatedTo } = event.data;
    return {
      links: { taskId, ...relatedLinks(relatedTo) },
      summary: `Task scheduled: ${excerpt(title, 80)} (due ${moment(dueAt)})`,
    };
  },
  TaskRescheduled: null,
  TaskCompleted: (event) => {
    // The event carries only the task id: no title, no related record.
    return {
      occurredAt: event.data.completedAt,
      links: { taskId: event.data.taskId },
      summary: `Task completed${suffix(event.data.outcome)}`,
    };
  },
  TaskCancelled: null,
};
