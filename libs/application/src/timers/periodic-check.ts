import { Logger } from '@nestjs/common';
import { CheckResult } from '../health/readiness';
import { reasonOf } from '../startup/startup-error';

/** Consecutive failed checks after which readiness reports a detector down. */
export const FAILED_CHECKS_BEFORE_DOWN = 3;

export type PeriodicCheckOptions = {
  /** What a check does, for the log line of a failed one ("checking the SLA deadlines"). */
  doing: string;
  logger: Logger;
  clock: () => Date;
  intervalMs: number;
  failed?: () => void;
};

/**
 * A check run every interval (the next one an interval after the last ended), never two at
 * once, with its health: down after FAILED_CHECKS_BEFORE_DOWN failures in a row, up again after
 * one success.
 */
export abstract class PeriodicCheck<T> {
  private timer?: NodeJS.Timeout;
  private checking?: Promise<T>;
  private failures = 0;
  private lastError?: string;
  private failingSince?: Date;
  private stopped = false;

  protected constructor(private readonly options: PeriodicCheckOptions) {}

  /** What one check does; a failure is counted, logged and thrown to `checkNow`'s caller. */
  protected abstract runCheck(): Promise<T>;

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.checkNow()
        .catch(() => undefined)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs).unref();
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking?.catch(() => undefined);
  }

  /** One check; a check already running is joined rather than doubled. */
  checkNow(): Promise<T> {
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Down once FAILED_CHECKS_BEFORE_DOWN checks in a row failed; up again after one succeeds. */
  health(): CheckResult {
    if (this.failures < FAILED_CHECKS_BEFORE_DOWN) return { status: 'up' };
    return {
      status: 'down',
      failedChecks: this.failures,
      failingSince: this.failingSince?.toISOString(),
      error: this.lastError,
    };
  }

  private async check(): Promise<T> {
    try {
      const outcome = await this.runCheck();
      this.failures = 0;
      this.lastError = this.failingSince = undefined;
      return outcome;
    } catch (error) {
      this.failures += 1;
      this.failingSince ??= this.options.clock();
      this.lastError = reasonOf(error);
      this.options.failed?.();
      this.options.logger.error(`${this.options.doing} failed: ${this.lastError}`);
      throw error;
    }
  }
}
