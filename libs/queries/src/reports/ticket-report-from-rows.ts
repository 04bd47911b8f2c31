import { TicketPriority } from '@crm/domain';
import { RowDocument, ticketFiguresProjection, ticketTimesProjection } from '@crm/projections';
import { Document, DocumentCollection } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { rankedMedian } from './ranked-values';
import { round2OrNull } from './statistics';
import {
  MinutesFigures,
  perPriority,
  SlaBreaches,
  TicketReport,
  TicketReportOptions,
} from './ticket.report';

const MS_PER_MINUTE = 60_000;

const counter = (row: RowDocument | undefined, name: string): bigint =>
  BigInt(row?.counters[name] ?? '0');

/** The average from the exact sum, the median by rank on `ticket-times` (`ranked-values.ts`). */
const minutesFigures = async (
  times: DocumentCollection<Document>,
  filter: Record<string, unknown>,
  field: string,
  count: number,
  sumMs: bigint,
): Promise<MinutesFigures> => ({
  count,
  average: count === 0 ? null : round2OrNull(Number(sumMs) / (count * MS_PER_MINUTE)),
  median: round2OrNull(
    await rankedMedian({
      collection: times,
      filter,
      field,
      count,
      toValue: (ms) => ms / MS_PER_MINUTE,
    }),
  ),
});

/** Open tickets of `priority` whose `field` deadline (still pending) is before `now`. */
const pendingBreaches = (
  times: DocumentCollection<Document>,
  tenantId: string,
  priority: TicketPriority,
  field: 'pendingFirstResponseDueMs' | 'pendingResolutionDueMs',
  now: Date,
): Promise<number> => times.count({ tenantId, priority, [field]: { $lt: now.getTime() } });

/**
 * `ticketReport` from the rows of `ticket-figures` (backlog, late targets, sums) and the index of
 * `ticket-times` (medians by rank, the pending targets past their deadline at `now` by count).
 */
export const ticketReportFromRows = async (
  readModels: ReadModels,
  tenantId: string,
  options: TicketReportOptions,
): Promise<TicketReport> => {
  const [figures, times] = await Promise.all([
    readModels.collection<RowDocument>(ticketFiguresProjection.name),
    readModels.collection<Document>(ticketTimesProjection.name),
  ]);
  const rows = await figures.find({ tenantId, row: { $in: ['priority', 'times'] } });
  const priorityRow = (priority: TicketPriority) =>
    rows.find((row) => row.row === 'priority' && row.priority === priority);
  const timesRow = rows.find((row) => row.row === 'times');

  const breachesOf = async (priority: TicketPriority): Promise<SlaBreaches> => {
    const row = priorityRow(priority);
    const [firstResponsePending, resolutionPending] = await Promise.all([
      pendingBreaches(times, tenantId, priority, 'pendingFirstResponseDueMs', options.now),
      pendingBreaches(times, tenantId, priority, 'pendingResolutionDueMs', options.now),
    ]);
    return {
      firstResponse: Number(counter(row, 'firstResponseLate')) + firstResponsePending,
      resolution: Number(counter(row, 'resolutionLate')) + resolutionPending,
    };
  };
  const priorities = Object.keys(perPriority(() => 0)) as TicketPriority[];
  const breaches = await Promise.all(priorities.map(breachesOf));
  const slaBreachesByPriority = perPriority((priority) => breaches[priorities.indexOf(priority)]);
  const [firstResponseMinutes, resolutionMinutes] = await Promise.all([
    minutesFigures(
      times,
      { tenantId, responded: true },
      'firstResponseMs',
      Number(counter(timesRow, 'firstResponses')),
      counter(timesRow, 'firstResponseMs'),
    ),
    minutesFigures(
      times,
      { tenantId, resolved: true },
      'resolutionMs',
      Number(counter(timesRow, 'resolutions')),
      counter(timesRow, 'resolutionMs'),
    ),
  ]);
  return {
    firstResponseMinutes,
    resolutionMinutes,
    slaBreaches: {
      firstResponse: breaches.reduce((sum, { firstResponse }) => sum + firstResponse, 0),
      resolution: breaches.reduce((sum, { resolution }) => sum + resolution, 0),
    },
    backlogByPriority: perPriority((priority) => Number(counter(priorityRow(priority), 'open'))),
    slaBreachesByPriority,
  };
};
