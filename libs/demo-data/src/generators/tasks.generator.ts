import { RecordRef } from '@crm/domain';
import { SALES_REPS, SUPPORT_AGENTS } from '../cast';
import { GeneratorContext } from '../demo-world';
import { DAY, HOUR, isoDateTime } from '../time';
import { TASK_TITLES } from '../vocabulary';

type Outcome = 'completed' | 'cancelled' | 'rescheduled' | 'open';
type Related = { ref?: RecordRef; at: number };

/** The record a task is about (weighted by kind), or none when nothing exists to relate to. */
const pickRelated = ({ rng, plan, world }: GeneratorContext): Related => {
  const kinds = (
    [
      ['deal', world.deals, 35],
      ['lead', world.leads, 20],
      ['ticket', world.tickets, 20],
      ['account', world.accounts, 10],
      ['contact', world.contacts, 10],
      ['campaign', world.campaigns, 5],
    ] as const
  ).filter(([, records]) => records.length > 0);
  if (kinds.length === 0) return { at: plan.at(rng.float()) };
  const [kind, records] = rng.weighted(kinds.map((entry) => [entry, entry[2]] as const));
  const record = rng.pick<{ id: string; at: number }>(records);
  return { ref: { kind, id: record.id }, at: record.at };
};

/**
 * Follow-up tasks about deals, leads, tickets, accounts, contacts and campaigns: some completed
 * (a few after their due time), some cancelled, some rescheduled, some still open and overdue.
 */
export const planTasks = (ctx: GeneratorContext): void => {
  const { rng, plan, options } = ctx;
  for (let i = 0; i < options.tasks; i++) {
    const taskId = rng.uuid();
    const related = pickRelated(ctx);
    const assigneeId =
      related.ref?.kind === 'ticket' ? rng.pick(SUPPORT_AGENTS) : rng.pick(SALES_REPS);
    let at = plan.hold(related.at + rng.int(1, 240) * HOUR);
    let dueAt = at + rng.int(1, 14) * DAY;
    plan.add(at, assigneeId, 'task', taskId, {
      type: 'ScheduleTask',
      data: {
        taskId,
        title: rng.pick(TASK_TITLES),
        dueAt: isoDateTime(dueAt),
        assigneeId,
        ...(related.ref && { relatedTo: related.ref }),
        ...(rng.chance(0.3) && { notes: 'Agreed during the last call.' }),
      },
    });

    const outcome = rng.weighted<Outcome>([
      ['completed', 0.5],
      ['cancelled', 0.1],
      ['rescheduled', 0.15],
      ['open', 0.25],
    ]);
    const until = (latest: number): number =>
      (at = at + HOUR + Math.floor(rng.float() * Math.max(0, latest - at)));
    if (outcome === 'rescheduled') {
      dueAt += rng.int(2, 10) * DAY;
      plan.add(until(dueAt - 2 * DAY), assigneeId, 'task', taskId, {
        type: 'RescheduleTask',
        data: { taskId, dueAt: isoDateTime(dueAt), reason: 'customer asked to postpone' },
      });
    }
    if (outcome === 'completed' || (outcome === 'rescheduled' && rng.chance(0.5))) {
      plan.add(until(dueAt + 3 * DAY), assigneeId, 'task', taskId, {
        type: 'CompleteTask',
        data: { taskId, outcome: 'done' },
      });
    }
    if (outcome === 'cancelled') {
      plan.add(until(dueAt), assigneeId, 'task', taskId, {
        type: 'CancelTask',
        data: { taskId, reason: 'no longer needed' },
      });
    }
  }
};
