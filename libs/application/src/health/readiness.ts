import { EventStore } from '@crm/event-store';
import { allProjections } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { ReadSideProgress } from '../read-side/read-side-progress';
import { reasonOf } from '../startup/startup-error';

export type CheckResult = { status: 'up' | 'down' } & Record<string, unknown>;

/** A dependency that does not answer within this is down, not merely slow. */
const CHECK_TIMEOUT_MS = 3000;

const withinTimeout = <T>(work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
};

export const checkEventStore = async (events: EventStore): Promise<CheckResult> => {
  try {
    const head = await withinTimeout(events.headPosition());
    return { status: 'up', headPosition: head.toString() };
  } catch (error) {
    return { status: 'down', error: reasonOf(error) };
  }
};

export const checkReadStore = async (documents: DocumentStore): Promise<CheckResult> => {
  try {
    await withinTimeout(documents.activeGeneration(allProjections[0].name));
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: reasonOf(error) };
  }
};

/**
 * Up while the projections follow the log and are at most `maxLag` events behind its head.
 * `progress` undefined: this process follows nothing right now (a standby projector).
 */
export const checkReadModels = async (
  events: EventStore,
  progress: ReadSideProgress | undefined,
  maxLag: number,
): Promise<CheckResult> => {
  if (!progress) return { status: 'up', following: false };
  try {
    const [head, position, stalled] = await withinTimeout(
      Promise.all([events.headPosition(), progress.position(), progress.stalled()]),
    );
    const lag = head > position ? head - position : 0n;
    const facts = {
      source: progress.source,
      position: position.toString(),
      headPosition: head.toString(),
      lag: lag.toString(),
      maxLag,
    };
    if (stalled) return { status: 'down', ...facts, stalled: true, ...stalled };
    if (lag > BigInt(maxLag)) return { status: 'down', ...facts, behind: true };
    return { status: 'up', ...facts };
  } catch (error) {
    return { status: 'down', error: reasonOf(error) };
  }
};

/** Terminus's answer shape, for processes without Nest (the projector's listener). */
export type HealthReport = {
  status: 'ok' | 'error';
  info: Record<string, CheckResult>;
  error: Record<string, CheckResult>;
  details: Record<string, CheckResult>;
};

export const healthReport = (checks: Record<string, CheckResult>): HealthReport => {
  const entries = Object.entries(checks);
  const pick = (status: 'up' | 'down') =>
    Object.fromEntries(entries.filter(([, check]) => check.status === status));
  return {
    status: entries.every(([, check]) => check.status === 'up') ? 'ok' : 'error',
    info: pick('up'),
    error: pick('down'),
    details: checks,
  };
};
