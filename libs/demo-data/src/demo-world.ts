import { PipelineStage } from '@crm/domain';
import { DemoDataOptions } from './demo-options';
import { DemoPlan } from './demo-plan';
import { Random } from './random';

/** What later generators may refer to: every record planned so far and when it comes to exist. */
export type AccountRecord = {
  id: string;
  at: number;
  name: string;
  domain: string;
  ownerId: string;
};
export type ContactRecord = {
  id: string;
  at: number;
  accountId: string;
  firstName: string;
  lastName: string;
  email: string;
  ownerId: string;
};
export type DealRecord = { id: string; at: number; accountId: string; contactId?: string };
export type TicketRecord = { id: string; at: number; contactId: string; accountId: string };
export type LeadRecord = { id: string; at: number };
/** `endsAt`: the last millisecond of the campaign's last day. */
export type CampaignRecord = { id: string; at: number; launchAt: number; endsAt: number };

export type DemoWorld = {
  pipelineId: string;
  stages: PipelineStage[];
  accounts: AccountRecord[];
  contacts: ContactRecord[];
  deals: DealRecord[];
  tickets: TicketRecord[];
  leads: LeadRecord[];
  campaigns: CampaignRecord[];
};

/** Everything a generator needs: the draws, the plan it adds to and the records so far. */
export type GeneratorContext = {
  rng: Random;
  plan: DemoPlan;
  world: DemoWorld;
  options: DemoDataOptions;
};

/** The records of a list that exist by `at`. */
export const existingBy = <R extends { at: number }>(records: readonly R[], at: number): R[] =>
  records.filter((record) => record.at <= at);
