import { DealAmountChanged, DealExpectedCloseChanged, DealWon, DomainEvent } from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { DealDocument } from './deals.document';
import { dealsProjection } from './deals.projection';
import { dealId, project, projectOne, opened, moved, won, lost, reopened } from './deals.fixtures';

describe('deals projection', () => {
  it('declares its collection, indexes and the deal events it reads', () => {
    expect(dealsProjection.name).toBe('deals');
    expect(dealsProjection.indexes).toEqual([
      { fields: ['tenantId', 'pipelineId', 'status', 'stageId', 'expectedCloseDate', 'dealId'] },
      {
        fields: [
          'tenantId',
          'pipelineId',
          'status',
          'stageId',
          'ownerId',
          'expectedCloseDate',
          'dealId',
        ],
      },
      { fields: ['tenantId', 'contactId'] },
      { fields: ['tenantId', 'accountId'] },
      { fields: ['tenantId', 'ownerId', 'openedAt', 'dealId'] },
      { fields: ['tenantId', 'status'] },
    ]);
    expect([...dealsProjection.handles].sort()).toEqual([
      'DealAmountChanged',
      'DealExpectedCloseChanged',
      'DealLost',
      'DealOpened',
      'DealReopened',
      'DealStageMoved',
      'DealWon',
    ]);
  });

  it('ignores events of other aggregates', () => {
    const other = projectedEvent<DomainEvent>({ type: 'TicketOpened', data: { ticketId: 't-1' } });
    expect(dealsProjection.handles.has('TicketOpened')).toBe(false);
    expect(dealsProjection.handles.has('PipelineDefined')).toBe(false);
    expect(dealsProjection.documentIds(other)).toEqual([]);
  });

  it('keys documents by tenant and deal', () => {
    expect(dealsProjection.documentIds(opened({}, { tenantId: 'globex' }))).toEqual([
      'globex:deal-1',
    ]);
    expect(dealsProjection.documentIds(won('2026-02-01T00:00:00.000Z'))).toEqual(['acme:deal-1']);
  });

  it('DealOpened creates the document in its first stage', () => {
    expect(projectOne([opened({ origin: { leadId: 'lead-3' } })])).toEqual({
      _id: 'acme:deal-1',
      tenantId: 'acme',
      dealId,
      title: 'Analytical Engines - 50 seats',
      accountId: 'account-1',
      contactId: 'contact-1',
      amount: { amountMinor: 1200000, currency: 'EUR' },
      pipelineId: 'pipeline-1',
      stageId: 'stage-discovery',
      probability: 0.1,
      expectedCloseDate: '2026-03-31',
      ownerId: 'user-7',
      origin: { leadId: 'lead-3' },
      status: 'open',
      openedAt: '2026-01-05T09:00:00.000Z',
      reopenCount: 0,
      stageEnteredAt: '2026-01-05T09:00:00.000Z',
      stageHistory: [{ stageId: 'stage-discovery', enteredAt: '2026-01-05T09:00:00.000Z' }],
    });
  });

  it('DealOpened leaves out the links and origin it does not have', () => {
    const deal = projectOne([opened({ accountId: undefined, origin: undefined })]);
    expect(deal).not.toHaveProperty('accountId');
    expect(deal).not.toHaveProperty('origin');
    expect(deal?.contactId).toBe('contact-1');
  });

  it('DealAmountChanged replaces the amount', () => {
    const changed = projectedEvent<DealAmountChanged>({
      type: 'DealAmountChanged',
      data: {
        dealId,
        previousAmount: { amountMinor: 1200000, currency: 'EUR' },
        amount: { amountMinor: 1500000, currency: 'USD' },
      },
    });
    expect(projectOne([opened(), changed])?.amount).toEqual({
      amountMinor: 1500000,
      currency: 'USD',
    });
  });

  it('DealExpectedCloseChanged replaces the expected close date', () => {
    const changed = projectedEvent<DealExpectedCloseChanged>({
      type: 'DealExpectedCloseChanged',
      data: { dealId, previousExpectedCloseDate: '2026-03-31', expectedCloseDate: '2026-04-30' },
    });
    expect(projectOne([opened(), changed])?.expectedCloseDate).toBe('2026-04-30');
  });

  it('never mutates the current document', () => {
    const before = projectOne([opened()]) as DealDocument;
    const frozen = structuredClone(before);
    dealsProjection.evolve(
      before,
      moved('stage-discovery', 'stage-proposal', 0.5, '2026-01-10T09:00:00.000Z'),
      before._id,
    );
    dealsProjection.evolve(before, won('2026-02-01T12:00:00.000Z'), before._id);
    expect(before).toEqual(frozen);
  });

  it('changes nothing for a deal it never saw opened', () => {
    const events = [
      won('2026-02-01T12:00:00.000Z'),
      lost('2026-02-01T12:00:00.000Z'),
      reopened('stage-discovery', 0.1, '2026-03-01T08:00:00.000Z'),
      moved('stage-discovery', 'stage-proposal', 0.5, '2026-01-10T09:00:00.000Z'),
    ];
    for (const event of events) {
      expect(dealsProjection.evolve(undefined, event, 'acme:deal-1')).toBeUndefined();
    }
  });

  it('keeps tenants apart, even for the same deal id', () => {
    const documents = project([
      opened({}, { tenantId: 'acme' }),
      opened({ title: 'Globex renewal', ownerId: 'user-9' }, { tenantId: 'globex' }),
      projectedEvent<DealWon>(
        {
          type: 'DealWon',
          data: {
            dealId,
            amount: { amountMinor: 1200000, currency: 'EUR' },
            wonAt: '2026-02-01T00:00Z',
          },
        },
        { tenantId: 'globex' },
      ),
    ]);
    expect([...documents.keys()].sort()).toEqual(['acme:deal-1', 'globex:deal-1']);
    expect(documents.get('acme:deal-1')).toMatchObject({ tenantId: 'acme', status: 'open' });
    expect(documents.get('globex:deal-1')).toMatchObject({
      tenantId: 'globex',
      title: 'Globex renewal',
      status: 'won',
    });
  });
});
