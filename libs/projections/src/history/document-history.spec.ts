import { SEARCH_FIELD } from '../read-models/search-terms';
import { historyIndexesFor } from './document-history';

describe('historyIndexesFor', () => {
  it('declares each index once, the projection indexes followed by the validity fields', () => {
    const indexes = historyIndexesFor([
      { fields: ['tenantId'] },
      { fields: ['tenantId', 'status'] },
    ]);
    const keys = indexes.map((index) => index.fields.join(','));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      '_docId,_validTo,_validFrom',
      'tenantId,_validTo,_validFrom',
      'tenantId,status,_validTo,_validFrom',
    ]);
  });

  it('leaves out the word-search indexes, which no as-of read uses', () => {
    const indexes = historyIndexesFor([
      { fields: ['tenantId', 'ownerId'] },
      { fields: ['tenantId', SEARCH_FIELD, 'status'] },
    ]);
    expect(indexes.map((index) => index.fields.join(','))).toEqual([
      '_docId,_validTo,_validFrom',
      'tenantId,_validTo,_validFrom',
      'tenantId,ownerId,_validTo,_validFrom',
    ]);
  });
});
