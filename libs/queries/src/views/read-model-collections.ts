import {
  AccountDocument,
  accountsProjection,
  CampaignDocument,
  CampaignMemberDocument,
  campaignMembersProjection,
  campaignsProjection,
  ContactDocument,
  contactsProjection,
  DealDocument,
  dealsProjection,
  InteractionDocument,
  interactionsProjection,
  LeadDocument,
  leadsProjection,
  PipelineDocument,
  pipelinesProjection,
  QuoteDocument,
  quotesProjection,
  TaskDocument,
  tasksProjection,
  TicketDocument,
  ticketsProjection,
  TimelineEntryDocument,
  timelineProjection,
} from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { ReadModels } from '../read-models';

/** The read-model collections the views read, typed, by the names their projections give them. */
export const readCollections = (readModels: ReadModels) => ({
  accounts: (): Promise<DocumentCollection<AccountDocument>> =>
    readModels.collection<AccountDocument>(accountsProjection.name),
  campaigns: (): Promise<DocumentCollection<CampaignDocument>> =>
    readModels.collection<CampaignDocument>(campaignsProjection.name),
  campaignMembers: (): Promise<DocumentCollection<CampaignMemberDocument>> =>
    readModels.collection<CampaignMemberDocument>(campaignMembersProjection.name),
  contacts: (): Promise<DocumentCollection<ContactDocument>> =>
    readModels.collection<ContactDocument>(contactsProjection.name),
  deals: (): Promise<DocumentCollection<DealDocument>> =>
    readModels.collection<DealDocument>(dealsProjection.name),
  interactions: (): Promise<DocumentCollection<InteractionDocument>> =>
    readModels.collection<InteractionDocument>(interactionsProjection.name),
  leads: (): Promise<DocumentCollection<LeadDocument>> =>
    readModels.collection<LeadDocument>(leadsProjection.name),
  pipelines: (): Promise<DocumentCollection<PipelineDocument>> =>
    readModels.collection<PipelineDocument>(pipelinesProjection.name),
  quotes: (): Promise<DocumentCollection<QuoteDocument>> =>
    readModels.collection<QuoteDocument>(quotesProjection.name),
  tasks: (): Promise<DocumentCollection<TaskDocument>> =>
    readModels.collection<TaskDocument>(tasksProjection.name),
  tickets: (): Promise<DocumentCollection<TicketDocument>> =>
    readModels.collection<TicketDocument>(ticketsProjection.name),
  timeline: (): Promise<DocumentCollection<TimelineEntryDocument>> =>
    readModels.collection<TimelineEntryDocument>(timelineProjection.name),
});

export type ReadCollections = ReturnType<typeof readCollections>;
