import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export type CommandOutcome = 'ok' | 'unchanged' | 'rejected' | 'conflict' | 'error';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The Prometheus metrics of one process (API or projector), in a registry of its own so two
 * applications in one test process do not share counters. Node's default process metrics are
 * included; gauges over the stores are added by observeReadSide.
 */
export class CrmMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'crm_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'crm_http_request_duration_seconds',
    help: 'Time from receiving a request to answering it',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'crm_commands_total',
    help: 'Commands handled, by command type and outcome (ok, unchanged, rejected, conflict, error)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'crm_event_store_append_duration_seconds',
    help: 'Time one append to the event store took, by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectedEvents = new Counter({
    name: 'crm_projection_events_total',
    help: 'Events applied to the read models by this process',
    registers: [this.registry],
  });

  readonly parkedEvents = new Counter({
    name: 'crm_projection_parked_events_total',
    help: 'Events a projection could not apply, parked with their error, by this process',
    registers: [this.registry],
  });

  readonly slaBreachesRecorded = new Counter({
    name: 'crm_sla_breaches_recorded_total',
    help: 'SLA breaches the breach detector of this process recorded, by target',
    labelNames: ['target'] as const,
    registers: [this.registry],
  });

  readonly slaCheckFailures = new Counter({
    name: 'crm_sla_check_failures_total',
    help: 'Checks of the SLA deadlines that failed (the read or a command could not be done)',
    registers: [this.registry],
  });

  readonly leadScoresDecayed = new Counter({
    name: 'crm_lead_scores_decayed_total',
    help: 'Lead scores the decay detector of this process decayed (one per lead and due period)',
    registers: [this.registry],
  });

  readonly decayCheckFailures = new Counter({
    name: 'crm_decay_check_failures_total',
    help: 'Checks of the due lead decay that failed (the read or a command could not be done)',
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'crm_webhook_deliveries_total',
    help: 'Webhook delivery outcomes: delivered, failed (an attempt, retried later), dead_lettered',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly webhookDeliveryDuration = new Histogram({
    name: 'crm_webhook_delivery_duration_seconds',
    help: 'Time one webhook delivery attempt took until the target answered (or failed), by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(service: 'api' | 'projector') {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition, with its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
