import { DomainEvent, LeadCaptured, LeadQualified } from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { LeadDocument } from './leads.document';
import { leadsProjection } from './leads.projection';

export type Options = Parameters<typeof projectedEvent>[1];

export const event = <E extends DomainEvent>(type: E['type'], data: E['data'], options?: Options) =>
  projectedEvent<E>({ type, data } as E, options);

const spec = ProjectionSpecification.for(leadsProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
export const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, LeadDocument>,
) => spec.given(events, start).documents();

export const CAPTURED_AT = '2026-01-02T10:00:00.000Z';
export const QUALIFIED_AT = '2026-01-03T10:00:00.000Z';
export const DISQUALIFIED_AT = '2026-01-04T10:00:00.000Z';
export const CONVERTED_AT = '2026-01-06T10:00:00.000Z';

export const captured = (data: Partial<LeadCaptured['data']> = {}, options: Options = {}) =>
  event<LeadCaptured>(
    'LeadCaptured',
    {
      leadId: 'l-1',
      source: 'webinar',
      contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      score: 10,
      capturedAt: CAPTURED_AT,
      ...data,
    },
    options,
  );

export const qualified = (data: Partial<LeadQualified['data']> = {}) =>
  event<LeadQualified>('LeadQualified', { leadId: 'l-1', qualifiedAt: QUALIFIED_AT, ...data });

export const leadOf = (documents: Map<string, LeadDocument>, id = 'acme:l-1'): LeadDocument => {
  const document = documents.get(id);
  if (document === undefined) throw new Error(`no document ${id}`);
  return document;
};
