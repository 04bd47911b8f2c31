import { Injectable } from '@nestjs/common';

/** The `now` that clock-dependent views (SLA state, overdue, days in stage) are computed at. */
@Injectable()
export class ViewClock {
  now(): Date {
    return new Date();
  }
}
