import {
  CampaignCompleted,
  CampaignCreated,
  CampaignMembersAdded,
  CampaignMembersRemoved,
  CampaignTouch,
  CampaignTouchRecorded,
  DomainEvent,
} from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { CampaignDocument } from './campaigns.document';
import { campaignsProjection } from './campaigns.projection';

type Options = Parameters<typeof projectedEvent>[1];

const event = <E extends DomainEvent>(type: E['type'], data: E['data'], options?: Options) =>
  projectedEvent<E>({ type, data } as E, options);

const spec = ProjectionSpecification.for(campaignsProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, CampaignDocument>,
) => spec.given(events, start).documents();

const CREATED_AT = '2026-01-02T10:00:00.000Z';

const created = (data: Partial<CampaignCreated['data']> = {}, options: Options = {}) =>
  event<CampaignCreated>(
    'CampaignCreated',
    {
      campaignId: 'cmp-1',
      name: 'Spring launch',
      channel: 'email',
      budget: { amountMinor: 250000, currency: 'EUR' },
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      ...data,
    },
    { recordedAt: CREATED_AT, ...options },
  );

const added = (contactIds: string[], options?: Options) =>
  event<CampaignMembersAdded>('CampaignMembersAdded', { campaignId: 'cmp-1', contactIds }, options);

const removed = (contactIds: string[], options?: Options) =>
  event<CampaignMembersRemoved>(
    'CampaignMembersRemoved',
    { campaignId: 'cmp-1', contactIds },
    options,
  );

const touch = (contactId: string, kind: CampaignTouch, options?: Options) =>
  event<CampaignTouchRecorded>(
    'CampaignTouchRecorded',
    { campaignId: 'cmp-1', contactId, touch: kind, occurredAt: '2026-03-02T09:00:00.000Z' },
    options,
  );

const campaignOf = (
  documents: Map<string, CampaignDocument>,
  id = 'acme:cmp-1',
): CampaignDocument => {
  const document = documents.get(id);
  if (document === undefined) throw new Error(`no document ${id}`);
  return document;
};

describe('campaignsProjection', () => {
  it('declares its collection, indexes and only campaign events', () => {
    expect(campaignsProjection.name).toBe('campaigns');
    expect(campaignsProjection.indexes).toEqual([{ fields: ['tenantId', 'status'] }]);
    expect([...campaignsProjection.handles].sort()).toEqual([
      'CampaignCompleted',
      'CampaignCreated',
      'CampaignMembersAdded',
      'CampaignMembersRemoved',
      'CampaignTouchRecorded',
    ]);
    expect(campaignsProjection.handles.has('LeadCaptured')).toBe(false);
  });

  it('CampaignCreated: an active campaign with no members and no touches', () => {
    expect(campaignOf(project([created()]))).toStrictEqual({
      _id: 'acme:cmp-1',
      tenantId: 'acme',
      campaignId: 'cmp-1',
      name: 'Spring launch',
      channel: 'email',
      budget: { amountMinor: 250000, currency: 'EUR' },
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      status: 'active',
      memberCount: 0,
      touchCounts: { sent: 0, opened: 0, clicked: 0, responded: 0 },
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    });
  });

  it('CampaignMembersAdded and CampaignMembersRemoved: the number of current members', () => {
    const documents = project([
      created(),
      added(['c-1', 'c-2', 'c-3']),
      removed(['c-2'], { recordedAt: '2026-03-05T10:00:00.000Z' }),
      added(['c-2', 'c-4']),
    ]);
    expect(campaignOf(documents).memberCount).toBe(4);
    const afterRemoval = project([created(), added(['c-1']), removed(['c-1'])]);
    expect(campaignOf(afterRemoval).memberCount).toBe(0);
  });

  it('CampaignTouchRecorded: touches counted by kind', () => {
    const documents = project([
      created(),
      added(['c-1', 'c-2']),
      touch('c-1', 'sent'),
      touch('c-2', 'sent'),
      touch('c-1', 'opened'),
      touch('c-1', 'clicked'),
      touch('c-1', 'responded'),
      touch('c-2', 'opened', { recordedAt: '2026-03-03T10:00:00.000Z' }),
    ]);
    expect(campaignOf(documents)).toMatchObject({
      touchCounts: { sent: 2, opened: 2, clicked: 1, responded: 1 },
      updatedAt: '2026-03-03T10:00:00.000Z',
    });
  });

  it('CampaignTouchRecorded: an unknown kind of touch is corrupt data', () => {
    const [campaign] = project([created()]).values();
    const corrupt = touch('c-1', 'forwarded' as CampaignTouch);
    expect(() => campaignsProjection.evolve(campaign, corrupt, 'acme:cmp-1')).toThrow(/forwarded/);
  });

  it('CampaignCompleted: completed, and when', () => {
    const documents = project([
      created(),
      event<CampaignCompleted>('CampaignCompleted', {
        campaignId: 'cmp-1',
        completedAt: '2026-04-01T00:00:00.000Z',
      }),
    ]);
    expect(campaignOf(documents)).toMatchObject({
      status: 'completed',
      completedAt: '2026-04-01T00:00:00.000Z',
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
  });

  it('an event for a campaign it never saw creates nothing; a replayed creation changes nothing', () => {
    expect(project([added(['c-1']), touch('c-1', 'sent')]).size).toBe(0);
    const first = project([created(), added(['c-1'])]);
    expect(campaignOf(project([created({ name: 'Other' })], first))).toBe(campaignOf(first));
  });

  it('keeps tenants apart', () => {
    const documents = project([
      created(),
      created({ name: 'Globex autumn' }, { tenantId: 'globex' }),
      added(['c-1', 'c-2'], { tenantId: 'globex' }),
    ]);
    expect(campaignOf(documents)).toMatchObject({ tenantId: 'acme', memberCount: 0 });
    expect(campaignOf(documents, 'globex:cmp-1')).toMatchObject({
      tenantId: 'globex',
      name: 'Globex autumn',
      memberCount: 2,
    });
  });

  it('throws for an event without a campaign id (corrupt data)', () => {
    const corrupt = event<CampaignCompleted>('CampaignCompleted', {
      completedAt: CREATED_AT,
    } as CampaignCompleted['data']);
    expect(() => campaignsProjection.documentIds(corrupt)).toThrow(/campaignId/);
  });
});
