import { AggregateKind } from '@crm/domain';
import { Type } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ContactsModule } from './contacts/contacts.module';
import { DealsModule } from './deals/deals.module';
import { InteractionsModule } from './interactions/interactions.module';
import { LeadsModule } from './leads/leads.module';
import { PipelinesModule } from './pipelines/pipelines.module';
import { QuotesModule } from './quotes/quotes.module';
import { TasksModule } from './tasks/tasks.module';
import { TicketsModule } from './tickets/tickets.module';

/** The HTTP module of every aggregate, by kind: a kind without one fails to compile. */
export const aggregateModules: Record<AggregateKind, Type> = {
  account: AccountsModule,
  campaign: CampaignsModule,
  contact: ContactsModule,
  deal: DealsModule,
  interaction: InteractionsModule,
  lead: LeadsModule,
  pipeline: PipelinesModule,
  quote: QuotesModule,
  task: TasksModule,
  ticket: TicketsModule,
};
