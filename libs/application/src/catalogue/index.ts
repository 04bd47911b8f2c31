export * from './command-catalogue';
export type {
  CatalogueEntry,
  CommandRoute,
  KindCatalogue,
  NoRoute,
  Preparer,
} from './command-entry';
export { NO_ROUTE } from './command-entry';
export * from './command-types';
export type { OpenDealIntent, MoveDealStageIntent, ReopenDealIntent } from './deal.catalogue';
export type { RemovePipelineStageIntent } from './pipeline.catalogue';
export { intentFromOutside, runnableEntry } from './catalogued-command';
