import {
  CampaignCompleted,
  CampaignMembersAdded,
  CampaignMembersRemoved,
  CampaignTouch,
  CampaignTouchRecorded,
  DomainEvent,
} from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { CampaignMemberDocument } from './campaign-members.document';
import {
  CAMPAIGN_MEMBER_TOUCH_LIMIT,
  campaignMembersProjection,
} from './campaign-members.projection';

type Options = Parameters<typeof projectedEvent>[1];

const event = <E extends DomainEvent>(type: E['type'], data: E['data'], options?: Options) =>
  projectedEvent<E>({ type, data } as E, options);

const spec = ProjectionSpecification.for(campaignMembersProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
const project = (
  events: readonly ProjectedEvent[],
  start?: ReadonlyMap<string, CampaignMemberDocument>,
) => spec.given(events, start).documents();

const ADDED_AT = '2026-03-01T10:00:00.000Z';
const REMOVED_AT = '2026-03-10T10:00:00.000Z';

const added = (contactIds: string[], options: Options = {}, campaignId = 'cmp-1') =>
  event<CampaignMembersAdded>(
    'CampaignMembersAdded',
    { campaignId, contactIds },
    { recordedAt: ADDED_AT, ...options },
  );

const removed = (contactIds: string[], options: Options = {}) =>
  event<CampaignMembersRemoved>(
    'CampaignMembersRemoved',
    { campaignId: 'cmp-1', contactIds },
    { recordedAt: REMOVED_AT, ...options },
  );

const touch = (contactId: string, kind: CampaignTouch, occurredAt: string, options?: Options) =>
  event<CampaignTouchRecorded>(
    'CampaignTouchRecorded',
    { campaignId: 'cmp-1', contactId, touch: kind, occurredAt },
    options,
  );

const memberOf = (
  documents: Map<string, CampaignMemberDocument>,
  id = 'acme:cmp-1:c-1',
): CampaignMemberDocument => {
  const document = documents.get(id);
  if (document === undefined) throw new Error(`no document ${id}`);
  return document;
};

describe('campaignMembersProjection', () => {
  it('declares its collection, indexes and only the membership and touch events', () => {
    expect(campaignMembersProjection.name).toBe('campaignMembers');
    expect(campaignMembersProjection.indexes).toEqual([
      { fields: ['tenantId', 'contactId'] },
      { fields: ['tenantId', 'campaignId'] },
    ]);
    expect([...campaignMembersProjection.handles].sort()).toEqual([
      'CampaignMembersAdded',
      'CampaignMembersRemoved',
      'CampaignTouchRecorded',
    ]);
    expect(campaignMembersProjection.handles.has('CampaignCreated')).toBe(false);
    const completed = event<CampaignCompleted>('CampaignCompleted', {
      campaignId: 'cmp-1',
      completedAt: REMOVED_AT,
    });
    expect(campaignMembersProjection.documentIds(completed)).toEqual([]);
  });

  it('CampaignMembersAdded: one document per contact, all ids from one event', () => {
    const addition = added(['c-1', 'c-2', 'c-3']);
    expect(campaignMembersProjection.documentIds(addition)).toEqual([
      'acme:cmp-1:c-1',
      'acme:cmp-1:c-2',
      'acme:cmp-1:c-3',
    ]);
    const documents = project([addition]);
    expect(documents.size).toBe(3);
    expect(memberOf(documents, 'acme:cmp-1:c-2')).toStrictEqual({
      _id: 'acme:cmp-1:c-2',
      tenantId: 'acme',
      campaignId: 'cmp-1',
      contactId: 'c-2',
      active: true,
      addedAt: ADDED_AT,
      touches: [],
      touchCounts: { sent: 0, opened: 0, clicked: 0, responded: 0 },
      updatedAt: ADDED_AT,
    });
  });

  it('CampaignMembersAdded: contact ids holding ":" are matched whole', () => {
    const documents = project([added(['x', 'x:y'])]);
    expect(memberOf(documents, 'acme:cmp-1:x').contactId).toBe('x');
    expect(memberOf(documents, 'acme:cmp-1:x:y').contactId).toBe('x:y');
  });

  it('CampaignMembersRemoved: inactive with removedAt, kept with its touches', () => {
    const documents = project([
      added(['c-1', 'c-2']),
      touch('c-1', 'sent', '2026-03-02T09:00:00.000Z'),
      removed(['c-1']),
    ]);
    expect(memberOf(documents)).toMatchObject({
      active: false,
      addedAt: ADDED_AT,
      removedAt: REMOVED_AT,
      touches: [{ touch: 'sent', occurredAt: '2026-03-02T09:00:00.000Z' }],
      touchCounts: { sent: 1, opened: 0, clicked: 0, responded: 0 },
      updatedAt: REMOVED_AT,
    });
    expect(memberOf(documents, 'acme:cmp-1:c-2').active).toBe(true);
  });

  it('CampaignMembersAdded after a removal: active again, added anew, removedAt cleared', () => {
    const documents = project([
      added(['c-1']),
      removed(['c-1']),
      added(['c-1'], { recordedAt: '2026-03-20T10:00:00.000Z' }),
    ]);
    expect(memberOf(documents)).toMatchObject({
      active: true,
      addedAt: '2026-03-20T10:00:00.000Z',
    });
    expect(Object.hasOwn(memberOf(documents), 'removedAt')).toBe(false);
  });

  it('CampaignTouchRecorded: the touch in order, counted, the latest time kept', () => {
    const documents = project([
      added(['c-1']),
      touch('c-1', 'sent', '2026-03-02T09:00:00.000Z'),
      touch('c-1', 'opened', '2026-03-03T09:00:00.000Z'),
      touch('c-1', 'clicked', '2026-03-03T09:05:00.000Z'),
      touch('c-1', 'opened', '2026-03-01T12:00:00.000Z'),
    ]);
    expect(memberOf(documents)).toMatchObject({
      touches: [
        { touch: 'sent', occurredAt: '2026-03-02T09:00:00.000Z' },
        { touch: 'opened', occurredAt: '2026-03-03T09:00:00.000Z' },
        { touch: 'clicked', occurredAt: '2026-03-03T09:05:00.000Z' },
        { touch: 'opened', occurredAt: '2026-03-01T12:00:00.000Z' },
      ],
      touchCounts: { sent: 1, opened: 2, clicked: 1, responded: 0 },
      lastTouchAt: '2026-03-03T09:05:00.000Z',
    });
  });

  it(`CampaignTouchRecorded: keeps the last ${CAMPAIGN_MEMBER_TOUCH_LIMIT} touches, counts them all`, () => {
    const touches = Array.from({ length: CAMPAIGN_MEMBER_TOUCH_LIMIT + 5 }, (_, index) =>
      touch('c-1', 'sent', new Date(Date.UTC(2026, 2, 2, 0, index)).toISOString()),
    );
    const member = memberOf(project([added(['c-1']), ...touches]));
    expect(member.touches).toHaveLength(CAMPAIGN_MEMBER_TOUCH_LIMIT);
    expect(member.touches[0].occurredAt).toBe('2026-03-02T00:05:00.000Z');
    expect(member.touchCounts.sent).toBe(CAMPAIGN_MEMBER_TOUCH_LIMIT + 5);
  });

  it('events for a membership it never saw create nothing', () => {
    expect(project([removed(['c-1']), touch('c-1', 'sent', '2026-03-02T09:00:00.000Z')]).size).toBe(
      0,
    );
  });

  it('a repeated addition or removal returns the current document', () => {
    const documents = project([added(['c-1'])]);
    const active = memberOf(documents);
    expect(campaignMembersProjection.evolve(active, added(['c-1']), active._id)).toBe(active);
    const inactive = memberOf(project([removed(['c-1'])], documents));
    expect(campaignMembersProjection.evolve(inactive, removed(['c-1']), inactive._id)).toBe(
      inactive,
    );
  });

  it('keeps campaigns and tenants apart', () => {
    const documents = project([
      added(['c-1']),
      added(['c-1'], {}, 'cmp-2'),
      added(['c-1'], { tenantId: 'globex' }),
      removed(['c-1'], { tenantId: 'globex' }),
    ]);
    expect([...documents.keys()].sort()).toEqual([
      'acme:cmp-1:c-1',
      'acme:cmp-2:c-1',
      'globex:cmp-1:c-1',
    ]);
    expect(memberOf(documents)).toMatchObject({ tenantId: 'acme', active: true });
    expect(memberOf(documents, 'globex:cmp-1:c-1')).toMatchObject({
      tenantId: 'globex',
      active: false,
    });
  });

  it('throws for corrupt events: no campaign id, no contact ids', () => {
    const noCampaign = event<CampaignMembersAdded>('CampaignMembersAdded', {
      contactIds: ['c-1'],
    } as CampaignMembersAdded['data']);
    expect(() => campaignMembersProjection.documentIds(noCampaign)).toThrow(/campaignId/);
    const noContacts = event<CampaignMembersAdded>('CampaignMembersAdded', {
      campaignId: 'cmp-1',
    } as CampaignMembersAdded['data']);
    expect(() => campaignMembersProjection.documentIds(noContacts)).toThrow(/contactIds/);
  });
});
