import {
  LeadAssigned,
  LeadConverted,
  LeadDisqualified,
  LeadQualified,
  LeadScoreAdjusted,
} from '@crm/domain';
import { leadsProjection } from './leads.projection';
import {
  captured,
  CAPTURED_AT,
  CONVERTED_AT,
  DISQUALIFIED_AT,
  event,
  leadOf,
  project,
  qualified,
  QUALIFIED_AT,
} from './leads.fixtures';

describe('leadsProjection', () => {
  it('declares its collection, indexes and only lead events', () => {
    expect(leadsProjection.name).toBe('leads');
    expect(leadsProjection.indexes).toEqual([
      { fields: ['tenantId', 'source'] },
      { fields: ['tenantId', 'campaignId'] },
      { fields: ['tenantId', 'status'] },
      { fields: ['tenantId', 'ownerId'] },
      { fields: ['tenantId', '_email'] },
      { fields: ['_decayDueAt', '_id'] },
      { fields: ['tenantId', '_search', 'capturedAt', 'leadId', 'status'] },
    ]);
    expect([...leadsProjection.handles].sort()).toEqual([
      'LeadAssigned',
      'LeadCaptured',
      'LeadConverted',
      'LeadDisqualified',
      'LeadEngaged',
      'LeadMarketingQualified',
      'LeadQualified',
      'LeadScoreAdjusted',
      'LeadScored',
      'LeadUnassigned',
    ]);
    expect(leadsProjection.handles.has('ContactCreated')).toBe(false);
  });

  it('LeadCaptured: a new lead', () => {
    const documents = project([captured({ campaignId: 'cmp-1', ownerId: 'user-2' })]);
    expect(leadOf(documents)).toStrictEqual({
      _id: 'acme:l-1',
      _email: 'ada@example.com',
      tenantId: 'acme',
      leadId: 'l-1',
      source: 'webinar',
      campaignId: 'cmp-1',
      contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      score: 10,
      scoreBreakdown: { initial: 10, manual: 0, rules: [] },
      ownerId: 'user-2',
      status: 'new',
      capturedAt: CAPTURED_AT,
      updatedAt: CAPTURED_AT,
      _search: expect.arrayContaining(['ada', 'lovelace', 'example', 'com']),
    });
    const bare = leadOf(project([captured()]));
    expect(Object.hasOwn(bare, 'campaignId')).toBe(false);
    expect(Object.hasOwn(bare, 'ownerId')).toBe(false);
  });

  it('LeadScoreAdjusted: the score the event states', () => {
    const documents = project([
      captured(),
      event<LeadScoreAdjusted>('LeadScoreAdjusted', {
        leadId: 'l-1',
        delta: 15,
        reason: 'opened pricing page',
        score: 25,
      }),
    ]);
    expect(leadOf(documents).score).toBe(25);
    expect(leadOf(documents).scoreBreakdown).toEqual({ initial: 10, manual: 15, rules: [] });
  });

  it('LeadAssigned: the new owner', () => {
    const documents = project([
      captured(),
      event<LeadAssigned>(
        'LeadAssigned',
        { leadId: 'l-1', ownerId: 'user-5' },
        { recordedAt: '2026-01-02T12:00:00.000Z' },
      ),
    ]);
    expect(leadOf(documents)).toMatchObject({
      ownerId: 'user-5',
      updatedAt: '2026-01-02T12:00:00.000Z',
    });
  });

  it('LeadQualified: qualified, when, with the note', () => {
    const documents = project([captured(), qualified({ note: 'budget confirmed' })]);
    expect(leadOf(documents)).toMatchObject({
      status: 'qualified',
      qualifiedAt: QUALIFIED_AT,
      qualificationNote: 'budget confirmed',
      updatedAt: QUALIFIED_AT,
    });
  });

  it('LeadDisqualified: disqualified, when and why; a later qualification wins the status', () => {
    const disqualified = project([
      captured(),
      qualified({ note: 'looked good' }),
      event<LeadDisqualified>('LeadDisqualified', {
        leadId: 'l-1',
        reason: 'no budget',
        disqualifiedAt: DISQUALIFIED_AT,
      }),
    ]);
    expect(leadOf(disqualified)).toMatchObject({
      status: 'disqualified',
      qualifiedAt: QUALIFIED_AT,
      disqualifiedAt: DISQUALIFIED_AT,
      disqualificationReason: 'no budget',
      updatedAt: DISQUALIFIED_AT,
    });

    const requalified = project(
      [qualified({ qualifiedAt: '2026-01-05T10:00:00.000Z', note: undefined })],
      disqualified,
    );
    expect(leadOf(requalified)).toMatchObject({
      status: 'qualified',
      qualifiedAt: '2026-01-05T10:00:00.000Z',
      disqualifiedAt: DISQUALIFIED_AT,
    });
    expect(Object.hasOwn(leadOf(requalified), 'qualificationNote')).toBe(false);
  });

  it('LeadConverted: converted, when, into which contact, account and deal', () => {
    const documents = project([
      captured({ campaignId: 'cmp-1' }),
      qualified(),
      event<LeadConverted>('LeadConverted', {
        leadId: 'l-1',
        contactId: 'c-1',
        account: { accountId: 'a-1', createWithName: 'Analytical Engines Ltd' },
        deal: {
          dealId: 'd-1',
          title: 'Engine licence',
          pipelineId: 'p-1',
          stageId: 's-1',
          amount: { amountMinor: 500000, currency: 'GBP' },
          expectedCloseDate: '2026-03-01',
        },
        contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
        ownerId: 'user-2',
        source: 'webinar',
        campaignId: 'cmp-1',
        convertedAt: CONVERTED_AT,
      }),
    ]);
    expect(leadOf(documents)).toMatchObject({
      status: 'converted',
      convertedAt: CONVERTED_AT,
      conversion: { contactId: 'c-1', accountId: 'a-1', dealId: 'd-1' },
      ownerId: 'user-2',
      updatedAt: CONVERTED_AT,
    });
  });

  it('LeadConverted: without an account or a deal, the conversion holds only the contact', () => {
    const documents = project([
      captured(),
      qualified(),
      event<LeadConverted>('LeadConverted', {
        leadId: 'l-1',
        contactId: 'c-1',
        contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
        source: 'webinar',
        convertedAt: CONVERTED_AT,
      }),
    ]);
    expect(leadOf(documents).conversion).toStrictEqual({ contactId: 'c-1' });
  });

  it('an event for a lead it never saw creates nothing; a replayed capture changes nothing', () => {
    expect(project([qualified()]).size).toBe(0);
    const first = project([captured(), qualified()]);
    expect(leadOf(project([captured({ score: 99 })], first))).toBe(leadOf(first));
  });

  it('keeps tenants apart', () => {
    const documents = project([
      captured(),
      captured({ source: 'referral' }, { tenantId: 'globex' }),
      event<LeadQualified>(
        'LeadQualified',
        { leadId: 'l-1', qualifiedAt: QUALIFIED_AT },
        { tenantId: 'globex' },
      ),
    ]);
    expect(leadOf(documents)).toMatchObject({ tenantId: 'acme', source: 'webinar', status: 'new' });
    expect(leadOf(documents, 'globex:l-1')).toMatchObject({
      tenantId: 'globex',
      source: 'referral',
      status: 'qualified',
    });
  });

  it('throws for an event without a lead id (corrupt data)', () => {
    const corrupt = event<LeadQualified>('LeadQualified', {
      qualifiedAt: QUALIFIED_AT,
    } as LeadQualified['data']);
    expect(() => leadsProjection.documentIds(corrupt)).toThrow(/leadId/);
  });
});
