import Database from 'better-sqlite3';
import { conditionFor, planQuery } from './filter-plan';
import { SqlIndex } from './sql-index';

describe('planQuery', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());
  let next = 1;
  /** `arrays`: 0 plain, a bit mask of the fields that held arrays of scalars, null unknown. */
  const index = (fields: string[], arrays: number | null = 0, sparse = 0): SqlIndex =>
    new SqlIndex(db, next++, 'c', fields, { arrays, sparse });

  it('picks the index with the longest run of conditioned fields from its first', () => {
    const byTenant = index(['tenantId']);
    const byTenantStage = index(['tenantId', 'stage']);
    const plan = planQuery({ tenantId: 't', stage: 's' }, undefined, [byTenant, byTenantStage]);
    expect(plan?.index).toBe(byTenantStage);
    expect(plan?.where).toBe('x.k0 = ? AND x.k1 = ?');
    expect(plan?.params).toEqual(['t', 's']);
    expect(plan?.covered).toBe(true);
  });

  it('prefers one more equality to a range: a range ends what the b-tree narrows', () => {
    const byTenantValidity = index(['tenantId', '_validTo', '_validFrom']);
    const byTenantContactTime = index(['tenantId', 'contactId', 'at', '_validTo', '_validFrom']);
    const validAt = { _validTo: { $gt: 5 }, _validFrom: { $lte: 5 } };
    const plan = planQuery({ tenantId: 't', contactId: 'c', ...validAt }, { at: -1 }, [
      byTenantValidity,
      byTenantContactTime,
    ]);
    expect(plan?.index).toBe(byTenantContactTime);
    expect(plan?.covered).toBe(true);
    expect(plan?.orderBy).toBe('x.k2 DESC');
    const byTenantContactValidity = index(['tenantId', 'contactId', '_validTo', '_validFrom']);
    expect(
      planQuery({ tenantId: 't', contactId: 'c', ...validAt }, undefined, [
        byTenantContactTime,
        byTenantContactValidity,
      ])?.index,
    ).toBe(byTenantContactValidity);
  });

  it('is covered only when the conditions are the whole filter on a plain index', () => {
    const byTenantStage = index(['tenantId', 'stage']);
    expect(planQuery({ tenantId: 't', name: 'x' }, undefined, [byTenantStage])?.covered).toBe(
      false,
    );
    expect(
      planQuery({ tenantId: 't', $or: [{ stage: 'a' }] }, undefined, [byTenantStage])?.covered,
    ).toBe(false);
    expect(planQuery({ tenantId: 't' }, undefined, [index(['tenantId'], null)])?.covered).toBe(
      false,
    );
    expect(planQuery({ stage: 's' }, undefined, [byTenantStage])).toBeUndefined();
  });

  describe('on an index whose fields held arrays of scalars', () => {
    // `_search` (bit 1) held arrays of terms; the other fields one scalar each.
    const bySearch = (): SqlIndex =>
      index(['tenantId', '_search', 'status', 'name', 'contactId'], 0b00010);
    const search = { tenantId: 't', _search: 'abc', status: 'active' };
    const byName = { name: 1, contactId: 1 } as const;

    it('answers alone, sorted, when each array field has one scalar equality', () => {
      const plan = planQuery(search, byName, [bySearch()]);
      expect(plan?.covered).toBe(true);
      expect(plan?.orderBy).toBe('x.k3 ASC, x.k4 ASC');
      expect(planQuery({ ...search, status: { $in: ['a', 'b'] } }, byName, [bySearch()])).toEqual(
        expect.objectContaining({ covered: true, orderBy: 'x.k3 ASC, x.k4 ASC' }),
      );
    });

    it('answers alone with two array fields, each with one scalar equality', () => {
      const byTwo = index(['tenantId', 'tags', '_search'], 0b110);
      expect(
        planQuery({ tenantId: 't', tags: 'a', _search: 'b' }, undefined, [byTwo])?.covered,
      ).toBe(true);
      expect(planQuery({ tenantId: 't', tags: 'a' }, undefined, [byTwo])?.covered).toBe(false);
    });

    it('does not answer alone for $in or a range on an array field: one document, several rows', () => {
      for (const terms of [{ $in: ['abc', 'abd'] }, { $gte: 'ab', $lt: 'ac' }]) {
        const plan = planQuery({ ...search, _search: terms }, byName, [bySearch()]);
        expect({ terms, covered: plan?.covered }).toEqual({ terms, covered: false });
      }
    });

    it('does not answer alone when an array field has no condition', () => {
      expect(planQuery({ tenantId: 't' }, undefined, [bySearch()])?.covered).toBe(false);
    });

    it('does not sort in SQL on an array field', () => {
      const plan = planQuery(search, { _search: 1 }, [bySearch()]);
      expect(plan?.covered).toBe(true);
      expect(plan?.orderBy).toBeUndefined();
    });

    it('does not answer alone once a field held a subdocument, or what it held is unknown', () => {
      const unknown = index(['tenantId', '_search', 'status', 'name', 'contactId'], null);
      expect(planQuery(search, byName, [unknown])?.covered).toBe(false);
    });

    it('prefers, at the same reach, the index that also sorts', () => {
      const bySearchStatus = index(['tenantId', '_search', 'status'], 0b010);
      const full = bySearch();
      expect(planQuery(search, byName, [bySearchStatus, full])?.index).toBe(full);
      expect(planQuery(search, undefined, [full, bySearchStatus])?.index).toBe(bySearchStatus);
    });
  });

  it('sorts in SQL only on the index fields and _id', () => {
    const byTenantAmount = index(['tenantId', 'amount']);
    expect(planQuery({ tenantId: 't' }, { amount: -1, _id: 1 }, [byTenantAmount])?.orderBy).toBe(
      'x.k1 DESC, d.id ASC',
    );
    expect(planQuery({ tenantId: 't' }, { name: 1 }, [byTenantAmount])?.orderBy).toBeUndefined();
  });

  it('filters on a sparse column, and sorts on it only where a condition narrows it', () => {
    // Some document lacks `accountId` (bit 1): its row holds nothing there.
    const byTenantAccountAt = index(['tenantId', 'accountId', 'at'], 0, 0b010);
    const byAccount = planQuery({ tenantId: 't', accountId: 'a' }, { at: -1, _id: -1 }, [
      byTenantAccountAt,
    ]);
    expect(byAccount?.covered).toBe(true);
    expect(byAccount?.orderBy).toBe('x.k2 DESC, d.id DESC');
    const sortedByAccount = planQuery({ tenantId: 't' }, { accountId: 1 }, [byTenantAccountAt]);
    expect(sortedByAccount?.covered).toBe(true);
    expect(sortedByAccount?.orderBy).toBeUndefined();
    expect(
      planQuery({ tenantId: 't', accountId: { $gt: 'a' } }, { accountId: 1 }, [byTenantAccountAt])
        ?.orderBy,
    ).toBe('x.k1 ASC');
  });

  it('turns booleans into blobs and guards ranges by type', () => {
    const byActive = index(['active']);
    expect(planQuery({ active: true }, undefined, [byActive])?.params).toEqual([Buffer.from([1])]);
    expect(conditionFor({ $gte: 1, $lt: 5 })?.('k').sql).toBe(
      "typeof(k) IN ('integer', 'real') AND k >= ? AND k < ?",
    );
    expect(conditionFor({ $gt: 'a' })?.('k').sql).toBe("typeof(k) = 'text' AND k > ?");
  });

  it('leaves to the filter what SQL cannot answer exactly', () => {
    for (const value of [
      null,
      ['a'],
      { $in: [] },
      { $in: ['a', null] },
      { $gte: 1, $lt: 'z' },
      { $ne: 'a' },
      { $regex: 'a' },
      /a/,
      { $gte: new Date(0) },
      { nested: 1 },
    ]) {
      expect({ value, condition: conditionFor(value) }).toEqual({ value, condition: undefined });
    }
  });
});
