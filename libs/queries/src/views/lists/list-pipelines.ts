import { PipelineDocument } from '@crm/projections';
import { ReadModels } from '../../read-models';
import { readCollections } from '../read-model-collections';
import { View, viewOf } from '../view-json';
import { KeysetPage, keysetList, ListRequest, ordersOn } from './keyset-list';

export const PIPELINE_ORDERS = ordersOn<PipelineDocument, 'name' | 'createdAt'>('pipelineId', [
  'name',
  'createdAt',
]);

export type PipelineListFilter = ListRequest & {
  /** One of PIPELINE_ORDERS; by name when absent. */
  sort?: keyof typeof PIPELINE_ORDERS;
};

/** The tenant's pipelines with their stages, one page at a time. */
export const listPipelines = async (
  readModels: ReadModels,
  tenantId: string,
  request: PipelineListFilter = {},
): Promise<KeysetPage<View<PipelineDocument>>> =>
  keysetList(
    await readCollections(readModels).pipelines(),
    { tenantId, filter: {}, order: PIPELINE_ORDERS[request.sort ?? 'name'], view: viewOf },
    request,
  );
