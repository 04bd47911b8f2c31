import { indexModel, indexName } from './index-model';

describe('indexModel', () => {
  it('every field ascending, in the declared order, named by the joined fields', () => {
    const model = indexModel({ fields: ['tenantId', 'stage', 'relatedTo.id'] });
    expect(model).toEqual({
      key: { tenantId: 1, stage: 1, 'relatedTo.id': 1 },
      name: 'tenantId_stage_relatedTo.id',
    });
    expect(Object.keys(model.key)).toEqual(['tenantId', 'stage', 'relatedTo.id']);
  });

  it('the name the spec gives wins', () => {
    expect(indexModel({ fields: ['tenantId', 'stage'], name: 'by_tenant_stage' })).toEqual({
      key: { tenantId: 1, stage: 1 },
      name: 'by_tenant_stage',
    });
    expect(indexName({ fields: ['a'], name: 'x' })).toBe('x');
  });

  it('refuses an index without fields', () => {
    expect(() => indexModel({ fields: [] })).toThrow(/at least one field/);
  });
});
