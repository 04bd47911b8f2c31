import {
  AccountArchived,
  AccountCustomFieldSet,
  AccountOwnerAssigned,
  AccountProfileUpdated,
  AccountRegistered,
  AccountTagged,
  AccountUntagged,
  DomainEvent,
} from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { AccountDocument } from './accounts.document';
import { accountsProjection } from './accounts.projection';

type Options = Parameters<typeof projectedEvent>[1];

const event = <E extends DomainEvent>(type: E['type'], data: E['data'], options?: Options) =>
  projectedEvent<E>({ type, data } as E, options);

const spec = ProjectionSpecification.for(accountsProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
const project = (events: readonly ProjectedEvent[], start?: ReadonlyMap<string, AccountDocument>) =>
  spec.given(events, start).documents();

const REGISTERED_AT = '2026-01-02T10:00:00.000Z';
const LATER = '2026-01-05T09:30:00.000Z';

const registered = (data: Partial<AccountRegistered['data']> = {}, options: Options = {}) =>
  event<AccountRegistered>(
    'AccountRegistered',
    { accountId: 'a-1', name: 'Acme Corp', ...data },
    { recordedAt: REGISTERED_AT, ...options },
  );

const accountOf = (documents: Map<string, AccountDocument>, id = 'acme:a-1'): AccountDocument => {
  const document = documents.get(id);
  if (document === undefined) throw new Error(`no document ${id}`);
  return document;
};

describe('accountsProjection', () => {
  it('declares its collection, indexes and only account events', () => {
    expect(accountsProjection.name).toBe('accounts');
    expect(accountsProjection.indexes).toEqual([
      { fields: ['tenantId', 'ownerId'] },
      { fields: ['tenantId', 'tags'] },
      { fields: ['tenantId', 'status'] },
      { fields: ['tenantId', '_search', 'status'] },
    ]);
    expect([...accountsProjection.handles].sort()).toEqual([
      'AccountArchived',
      'AccountCustomFieldSet',
      'AccountOwnerAssigned',
      'AccountOwnerUnassigned',
      'AccountProfileUpdated',
      'AccountRegistered',
      'AccountTagged',
      'AccountUntagged',
    ]);
    expect(accountsProjection.handles.has('ContactCreated')).toBe(false);
  });

  it('AccountRegistered: the whole account', () => {
    const documents = project([
      registered({
        name: ' Acme Corp ',
        domain: 'acme.example',
        industry: 'manufacturing',
        size: '51-200',
        address: { city: 'Lyon', country: 'FR' },
        ownerId: 'user-3',
      }),
    ]);
    expect(accountOf(documents)).toStrictEqual({
      _id: 'acme:a-1',
      tenantId: 'acme',
      accountId: 'a-1',
      name: ' Acme Corp ',
      searchName: 'acme corp',
      domain: 'acme.example',
      industry: 'manufacturing',
      size: '51-200',
      address: { city: 'Lyon', country: 'FR' },
      ownerId: 'user-3',
      tags: [],
      customFields: {},
      status: 'active',
      createdAt: REGISTERED_AT,
      updatedAt: REGISTERED_AT,
      _search: [
        'ac',
        'acm',
        'acme',
        'co',
        'cor',
        'corp',
        'ex',
        'exa',
        'exam',
        'examp',
        'exampl',
        'example',
      ],
    });
  });

  it('AccountRegistered: optional fields stay absent', () => {
    const account = accountOf(project([registered()]));
    for (const field of ['domain', 'industry', 'size', 'address', 'ownerId', 'archivedAt']) {
      expect(Object.hasOwn(account, field)).toBe(false);
    }
  });

  it('AccountProfileUpdated: the changed fields, the search name with the name', () => {
    const documents = project([
      registered({ domain: 'acme.example', industry: 'manufacturing' }),
      event<AccountProfileUpdated>(
        'AccountProfileUpdated',
        {
          accountId: 'a-1',
          name: 'ACME Group',
          size: '201-1000',
          address: { city: 'Paris' },
        },
        { recordedAt: LATER },
      ),
    ]);
    expect(accountOf(documents)).toMatchObject({
      name: 'ACME Group',
      searchName: 'acme group',
      domain: 'acme.example',
      industry: 'manufacturing',
      size: '201-1000',
      address: { city: 'Paris' },
      updatedAt: LATER,
    });
  });

  it('AccountOwnerAssigned: the new owner', () => {
    const documents = project([
      registered(),
      event<AccountOwnerAssigned>(
        'AccountOwnerAssigned',
        { accountId: 'a-1', ownerId: 'user-9' },
        { recordedAt: LATER },
      ),
    ]);
    expect(accountOf(documents)).toMatchObject({ ownerId: 'user-9', updatedAt: LATER });
  });

  it('AccountTagged and AccountUntagged: the tag set, each tag once', () => {
    const documents = project([
      registered(),
      event<AccountTagged>('AccountTagged', { accountId: 'a-1', tag: 'key-account' }),
      event<AccountTagged>('AccountTagged', { accountId: 'a-1', tag: 'emea' }),
      event<AccountTagged>('AccountTagged', { accountId: 'a-1', tag: 'emea' }),
      event<AccountUntagged>('AccountUntagged', { accountId: 'a-1', tag: 'key-account' }),
      event<AccountUntagged>('AccountUntagged', { accountId: 'a-1', tag: 'never-set' }),
    ]);
    expect(accountOf(documents).tags).toEqual(['emea']);
  });

  it('AccountCustomFieldSet: the value by key', () => {
    const documents = project([
      registered(),
      event<AccountCustomFieldSet>('AccountCustomFieldSet', {
        accountId: 'a-1',
        key: 'tier',
        value: 'gold',
      }),
      event<AccountCustomFieldSet>('AccountCustomFieldSet', {
        accountId: 'a-1',
        key: 'renewal',
        value: true,
      }),
    ]);
    expect(accountOf(documents).customFields).toEqual({ tier: 'gold', renewal: true });
  });

  it('AccountArchived: archived, when and why', () => {
    const documents = project([
      registered(),
      event<AccountArchived>('AccountArchived', {
        accountId: 'a-1',
        archivedAt: LATER,
        reason: 'went out of business',
      }),
    ]);
    expect(accountOf(documents)).toMatchObject({
      status: 'archived',
      archivedAt: LATER,
      archiveReason: 'went out of business',
      updatedAt: LATER,
    });

    const withoutReason = project([
      registered(),
      event<AccountArchived>('AccountArchived', { accountId: 'a-1', archivedAt: LATER }),
    ]);
    expect(Object.hasOwn(accountOf(withoutReason), 'archiveReason')).toBe(false);
  });

  it('an event for an account it never saw creates nothing; a replayed registration changes nothing', () => {
    expect(
      project([event<AccountTagged>('AccountTagged', { accountId: 'a-9', tag: 'x' })]).size,
    ).toBe(0);
    const first = project([registered()]);
    expect(accountOf(project([registered({ name: 'Other' })], first))).toBe(accountOf(first));
  });

  it('keeps tenants apart', () => {
    const documents = project([
      registered(),
      registered({ name: 'Globex' }, { tenantId: 'globex' }),
      event<AccountArchived>(
        'AccountArchived',
        { accountId: 'a-1', archivedAt: LATER },
        { tenantId: 'globex' },
      ),
    ]);
    expect(accountOf(documents)).toMatchObject({
      tenantId: 'acme',
      name: 'Acme Corp',
      status: 'active',
    });
    expect(accountOf(documents, 'globex:a-1')).toMatchObject({
      tenantId: 'globex',
      name: 'Globex',
      status: 'archived',
    });
  });

  it('throws for an event without an account id (corrupt data)', () => {
    const corrupt = event<AccountTagged>('AccountTagged', { tag: 'x' } as AccountTagged['data']);
    expect(() => accountsProjection.documentIds(corrupt)).toThrow(/accountId/);
  });
});
