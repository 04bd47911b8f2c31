import { EventSerializer, EventStore } from '@crm/event-store';
import { DocumentStore } from '@crm/read-store';
import { LeaseStore } from '../lease/lease-store';
import { Projection } from '../projection';
import {
  ProjectionRunner,
  ProjectionRunnerOptions,
  RunnerHealth,
} from '../runner/projection-runner';
import { LeaseKeeper } from './lease-keeper';

export type WorkerLogLevel = 'error' | 'warn' | 'log' | 'debug';
export type WorkerLog = (
  level: WorkerLogLevel,
  message: string,
  fields?: Record<string, unknown>,
) => void;

export type ProjectorWorkerOptions = {
  events: EventStore;
  documents: DocumentStore;
  serializer: EventSerializer;
  leases: LeaseStore;
  /** Unique per worker: the name its leases are held under. */
  owner: string;
  /** The projections this worker may run; it runs those whose lease it holds. */
  projections: readonly Projection[];
  /** Lease lifetime after each acquire or renew (default 15 s). */
  ttlMs?: number;
  /** How often leases are renewed and missing ones retried (default 5 s). */
  renewEveryMs?: number;
  /** A projection is being stopped this long before its lease could expire (default 5 s). */
  stopMarginMs?: number;
  runner?: Pick<ProjectionRunnerOptions, 'batchSize' | 'lingerMs' | 'onBatch' | 'retry'>;
  log?: WorkerLog;
  /** Monotonic milliseconds, for lease deadlines (default performance.now). */
  now?: () => number;
};

export type ProjectorWorkerStatus = {
  owner: string;
  wanted: string[];
  held: string[];
  running: string[];
  /** Position every running projection has reached; absent when none runs. */
  position?: string;
  /** The running projections' runner: following the log, or stalled and why. */
  health?: RunnerHealth;
};

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

const sameNames = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((name, index) => name === b[index]);

/**
 * Runs the projections whose leases it holds, as one ProjectionRunner (one subscription). Every
 * `renewEveryMs` it renews its leases, then retries those it lacks (a standby takes over once the
 * holder releases or lets a lease expire). Whenever the set held changes, the runner is stopped
 * (finishing and committing its batch in flight) and a new one started over the new set; a lease
 * not renewed before its deadline has its projection stopped `stopMarginMs` before anyone else can
 * take it, so two workers never apply the same projection at once.
 */
export class ProjectorWorker {
  private readonly keeper: LeaseKeeper;
  private readonly wanted: string[];
  private active?: { runner: ProjectionRunner; names: string[] };
  private state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  private ticking: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped?: Promise<void>;

  constructor(private readonly options: ProjectorWorkerOptions) {
    const ttlMs = options.ttlMs ?? 15_000;
    const stopMarginMs = options.stopMarginMs ?? 5_000;
    if (this.renewEveryMs >= ttlMs - stopMarginMs) {
      throw new RangeError(
        `renewEveryMs (${this.renewEveryMs}) must be below ttlMs - stopMarginMs (${ttlMs - stopMarginMs})`,
      );
    }
    this.wanted = options.projections.map((projection) => projection.name);
    this.keeper = new LeaseKeeper({
      leases: options.leases,
      owner: options.owner,
      ttlMs,
      stopMarginMs,
      now: options.now ?? (() => performance.now()),
      onError: (attempt, projection, error) =>
        this.log('warn', `lease ${attempt} failed`, { projection, error: errorText(error) }),
    });
  }

  /** Takes what leases it can, starts running those projections, and keeps at it in the background. */
  async start(): Promise<void> {
    if (this.state !== 'idle')
      throw new Error(`projector worker ${this.options.owner} was started`);
    this.state = 'running';
    this.ticking = this.tick();
    await this.ticking;
    this.schedule();
  }

  /** Stops the runner (its batch in flight is finished and committed), then releases the leases. */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.state = 'stopping';
      clearTimeout(this.timer);
      this.stopped = (async () => {
        await this.ticking;
        await this.stopRunner();
        await this.keeper.releaseAll();
        this.state = 'stopped';
      })();
    }
    return this.stopped;
  }

  status(): ProjectorWorkerStatus {
    const { active } = this;
    return {
      owner: this.options.owner,
      wanted: [...this.wanted],
      held: this.keeper.held(),
      running: active ? [...active.names] : [],
      ...(active && {
        position: active.runner.position().toString(),
        health: active.runner.health(),
      }),
    };
  }

  private get renewEveryMs(): number {
    return this.options.renewEveryMs ?? 5_000;
  }

  private schedule(): void {
    if (this.state !== 'running') return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick();
      void this.ticking.then(() => this.schedule());
    }, this.renewEveryMs);
  }

  /** Renew (stopping at once what was lost), take what is free. Never throws. */
  private async tick(): Promise<void> {
    try {
      const lost = await this.keeper.renew();
      if (lost.length > 0) {
        this.log('warn', 'lost projection leases; stopping those projections', {
          projections: lost,
        });
        await this.reconcile();
      }
      if (this.state === 'running') {
        const taken = await this.keeper.acquire(this.wanted);
        if (taken.length > 0) this.log('log', 'acquired projection leases', { projections: taken });
      }
      await this.reconcile();
    } catch (error) {
      this.log('error', 'projector worker tick failed', { error: errorText(error) });
    }
  }

  /** Makes the runner match the leases held: exactly those projections, or none. */
  private async reconcile(): Promise<void> {
    const holding =
      this.state === 'running'
        ? this.options.projections.filter((projection) => this.keeper.holds(projection.name))
        : [];
    const names = holding.map((projection) => projection.name);
    if (this.active && sameNames(this.active.names, names)) return;
    await this.stopRunner();
    if (names.length === 0) return;

    const runner = new ProjectionRunner(
      this.options.events,
      this.options.documents,
      this.options.serializer,
      holding,
      {
        ...this.options.runner,
        log: (message) => this.log('log', message),
        // The runner retries from its checkpoints by itself; this only reports it.
        onHealth: (health) => {
          if (health.status === 'stalled')
            this.log('error', 'projections stalled; retrying them from their checkpoints', {
              projections: names,
              error: health.error,
              attempts: health.attempts,
            });
          else this.log('log', 'projections recovered', { projections: names });
        },
      },
    );
    try {
      await runner.start();
    } catch (error) {
      this.log('error', 'could not start projections; retrying', {
        projections: names,
        error: errorText(error),
      });
      await runner.stop();
      return;
    }
    this.active = { runner, names };
    this.log('log', 'running projections', { projections: names });
    void this.reportCaughtUp(runner, names);
  }

  private async stopRunner(): Promise<void> {
    const { active } = this;
    if (!active) return;
    this.active = undefined;
    await active.runner.stop();
    this.log('log', 'stopped projections', {
      projections: active.names,
      position: active.runner.position().toString(),
    });
  }

  private async reportCaughtUp(runner: ProjectionRunner, names: string[]): Promise<void> {
    try {
      const head = await this.options.events.headPosition();
      if (!(await runner.waitForPosition(head, Number.POSITIVE_INFINITY))) return;
      if (this.active?.runner === runner)
        this.log('log', 'caught up with the log', {
          projections: names,
          position: head.toString(),
        });
    } catch {
      // The event store did not answer; the runner reports its own stalls.
    }
  }

  private log(level: WorkerLogLevel, message: string, fields: Record<string, unknown> = {}): void {
    this.options.log?.(level, message, { owner: this.options.owner, ...fields });
  }
}
