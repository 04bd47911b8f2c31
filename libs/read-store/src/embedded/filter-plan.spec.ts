import Database from 'better-sqlite3';
import { conditionFor, planQuery } from './filter-plan';
import { SqlIndex } from './sql-index';

describe('planQuery', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());
  let next = 1;
  const index = (fields: string[], plain = true): SqlIndex =>
    new SqlIndex(db, next++, 'c', fields, plain);

  it('picks the index with the longest run of conditioned fields from its first', () => {
    const byTenant = index(['tenantId']);
    const byTenantStage = index(['tenantId', 'stage']);
    const plan = planQuery({ tenantId: 't', stage: 's' }, undefined, [byTenant, byTenantStage]);
    expect(plan?.index).toBe(byTenantStage);
    expect(plan?.where).toBe('x.k0 = ? AND x.k1 = ?');
    expect(plan?.params).toEqual(['t', 's']);
    expect(plan?.covered).toBe(true);
  });

  it('is covered only when the conditions are the whole filter on a plain index', () => {
    const byTenantStage = index(['tenantId', 'stage']);
    expect(planQuery({ tenantId: 't', name: 'x' }, undefined, [byTenantStage])?.covered).toBe(
      false,
    );
    expect(
      planQuery({ tenantId: 't', $or: [{ stage: 'a' }] }, undefined, [byTenantStage])?.covered,
    ).toBe(false);
    expect(planQuery({ tenantId: 't' }, undefined, [index(['tenantId'], false)])?.covered).toBe(
      false,
    );
    expect(planQuery({ stage: 's' }, undefined, [byTenantStage])).toBeUndefined();
  });

  it('sorts in SQL only on the index fields and _id', () => {
    const byTenantAmount = index(['tenantId', 'amount']);
    expect(planQuery({ tenantId: 't' }, { amount: -1, _id: 1 }, [byTenantAmount])?.orderBy).toBe(
      'x.k1 DESC, d.id ASC',
    );
    expect(planQuery({ tenantId: 't' }, { name: 1 }, [byTenantAmount])?.orderBy).toBeUndefined();
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
