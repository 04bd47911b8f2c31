import { DEFAULT_DEMO_OPTIONS, DemoDataOptions, demoOptionProblems } from './demo-options';
import { DemoItem } from './demo-item';
import { DemoPlan } from './demo-plan';
import { GeneratorContext } from './demo-world';
import { planAccounts } from './generators/accounts.generator';
import { planCampaigns } from './generators/campaigns.generator';
import { planContacts } from './generators/contacts.generator';
import { planDeals } from './generators/deals.generator';
import { planInteractions } from './generators/interactions.generator';
import { planLeads } from './generators/leads.generator';
import { planPipeline } from './generators/pipeline.generator';
import { planQuotes } from './generators/quotes.generator';
import { planTasks } from './generators/tasks.generator';
import { planTickets } from './generators/tickets.generator';
import { Random } from './random';

export class DemoOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid demo data options: ${problems.join('; ')}`);
    this.name = 'DemoOptionsError';
  }
}

/** Records are planned before the records that refer to them (see DemoPlan on ties). */
const STEPS = [
  planPipeline,
  planAccounts,
  planContacts,
  planCampaigns,
  planDeals,
  planLeads,
  planTickets,
  planInteractions,
  planTasks,
  planQuotes,
];

/**
 * The whole demo history, in time order: a pure function of the options (the same seed always
 * gives the same items). Items carry the commands as they go onto the CommandBus.
 */
export const generateDemoData = (options: Partial<DemoDataOptions> = {}): DemoItem[] => {
  const full: DemoDataOptions = { ...DEFAULT_DEMO_OPTIONS, ...options };
  const problems = demoOptionProblems(full);
  if (problems.length > 0) throw new DemoOptionsError(problems);
  const context: GeneratorContext = {
    rng: new Random(full.seed),
    plan: new DemoPlan(full.start, full.days),
    world: {
      pipelineId: '',
      stages: [],
      accounts: [],
      contacts: [],
      deals: [],
      tickets: [],
      leads: [],
      campaigns: [],
    },
    options: full,
  };
  for (const step of STEPS) step(context);
  return context.plan.items();
};

/** The same history as an iterable, for consumers that go item by item (benchmarks). */
export function* demoData(options: Partial<DemoDataOptions> = {}): Generator<DemoItem> {
  yield* generateDemoData(options);
}
