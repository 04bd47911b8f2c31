import { DealReopened, DealWon, DomainEvent, LeadCaptured, LeadConverted } from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { LeadFunnelDocument } from './lead-funnel.document';
import { leadFunnelProjection } from './lead-funnel.projection';

const event = <E extends DomainEvent>(type: E['type'], data: E['data'], tenantId = 'acme') =>
  projectedEvent<E>({ type, data } as E, { tenantId });

const captured = (leadId: string, campaignId?: string, tenantId = 'acme') =>
  event<LeadCaptured>(
    'LeadCaptured',
    {
      leadId,
      source: 'web',
      ...(campaignId !== undefined && { campaignId }),
      contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      score: 0,
      capturedAt: '2026-01-02T10:00:00.000Z',
    },
    tenantId,
  );

const converted = (leadId: string, dealId: string, campaignId?: string) =>
  event<LeadConverted>('LeadConverted', {
    leadId,
    contactId: `contact-${leadId}`,
    contact: { firstName: 'Ada', lastName: 'Lovelace' },
    source: 'web',
    ...(campaignId !== undefined && { campaignId }),
    deal: {
      dealId,
      title: 'Deal',
      pipelineId: 'sales',
      stageId: 'discovery',
      amount: { amountMinor: 12_345, currency: 'EUR' },
      expectedCloseDate: '2026-06-30',
    },
    convertedAt: '2026-01-05T10:00:00.000Z',
  });

const won = (dealId: string, amountMinor: number) =>
  event<DealWon>('DealWon', {
    dealId,
    amount: { amountMinor, currency: 'EUR' },
    wonAt: '2026-02-01T10:00:00.000Z',
  });

const reopened = (dealId: string) =>
  event<DealReopened>('DealReopened', {
    dealId,
    stageId: 'proposal',
    probability: 0.5,
    reopenedAt: '2026-02-02T10:00:00.000Z',
  });

/** Every row's counters summed over the documents' contributions, as the runner keeps them. */
const rowsAfter = (events: readonly ProjectedEvent[]): Map<string, Record<string, bigint>> => {
  const documents = ProjectionSpecification.for(leadFunnelProjection).given(events).documents();
  const rows = new Map<string, Record<string, bigint>>();
  for (const document of documents.values()) {
    for (const row of leadFunnelProjection.rowsOf?.(document as LeadFunnelDocument) ?? []) {
      const counters = rows.get(row.id) ?? {};
      for (const [name, value] of Object.entries(row.counters))
        counters[name] = (counters[name] ?? 0n) + value;
      rows.set(row.id, counters);
    }
  }
  return rows;
};

const countersOf = (rows: Map<string, Record<string, bigint>>, ...parts: string[]) =>
  rows.get(`acme:~${JSON.stringify(parts)}`);

describe('lead-funnel projection', () => {
  it('counts a won deal for its lead whether the win or the conversion came first', () => {
    const winFirst = rowsAfter([
      captured('l1', 'spring'),
      won('d1', 500),
      converted('l1', 'd1', 'spring'),
    ]);
    const winLast = rowsAfter([
      captured('l1', 'spring'),
      converted('l1', 'd1', 'spring'),
      won('d1', 500),
    ]);
    expect(winFirst).toEqual(winLast);
    expect(countersOf(winLast, 'funnel', 'source', 'web')).toEqual({
      captured: 1n,
      qualified: 1n,
      converted: 1n,
      won: 1n,
    });
    expect(countersOf(winLast, 'acme', 'campaign-won', 'spring', 'EUR')).toEqual({
      deals: 1n,
      amountMinor: 500n,
    });
  });

  it('takes a reopened deal out of won, and needs no document for a deal no lead became', () => {
    const rows = rowsAfter([
      captured('l1'),
      converted('l1', 'd1'),
      won('d1', 500),
      reopened('d1'),
      reopened('d2'),
    ]);
    const noCampaign = countersOf(rows, 'funnel', 'campaign', '(none)');
    expect(noCampaign).toMatchObject({ captured: 1n, converted: 1n });
    expect(noCampaign?.won ?? 0n).toBe(0n);
    const documents = ProjectionSpecification.for(leadFunnelProjection)
      .given([reopened('d2')])
      .documents();
    expect(documents.size).toBe(0);
  });

  it('keeps tenants apart', () => {
    const rows = rowsAfter([captured('l1'), captured('l1', undefined, 'globex')]);
    expect(countersOf(rows, 'funnel', 'source', 'web')).toMatchObject({ captured: 1n });
    expect(rows.get(`globex:~${JSON.stringify(['funnel', 'source', 'web'])}`)).toMatchObject({
      captured: 1n,
    });
  });
});
