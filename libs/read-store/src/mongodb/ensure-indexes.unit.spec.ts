import { indexesToBuild } from './ensure-indexes';
import { indexModel } from './index-model';

describe('indexesToBuild', () => {
  const declared = [
    indexModel({ fields: ['tenantId'] }),
    indexModel({ fields: ['tenantId', 'stage'], name: 'by_stage' }),
  ];

  it('creates the missing ones and sends nothing for those already there', () => {
    expect(indexesToBuild(declared, new Map())).toEqual({ create: declared, replace: [] });
    expect(
      indexesToBuild(
        declared,
        new Map([
          ['_id_', { _id: 1 }],
          ['tenantId', { tenantId: 1 }],
          ['by_stage', { tenantId: 1, stage: 1 }],
        ]),
      ),
    ).toEqual({ create: [], replace: [] });
  });

  it('replaces an index whose key changed under the same name, field order included', () => {
    expect(
      indexesToBuild(
        declared,
        new Map([
          ['tenantId', { tenantId: 1 }],
          ['by_stage', { stage: 1, tenantId: 1 }],
        ]),
      ),
    ).toEqual({ create: [declared[1]], replace: ['by_stage'] });
  });
});
