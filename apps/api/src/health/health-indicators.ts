import { CheckResult } from '@crm/application';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/** One of our readiness checks as a Terminus indicator under `key`. */
export const asIndicator =
  (indicators: HealthIndicatorService, key: string, check: () => Promise<CheckResult>) =>
  async (): Promise<HealthIndicatorResult> => {
    const { status, ...data } = await check();
    const session = indicators.check(key);
    return status === 'up' ? session.up(data) : session.down(data);
  };
