/** How much demo data to generate, and over which stretch of simulated time. */
export type DemoDataOptions = {
  seed: number;
  tenantId: string;
  accounts: number;
  contactsPerAccount: number;
  leads: number;
  dealsPerAccount: number;
  interactionsPerContact: number;
  tickets: number;
  campaigns: number;
  tasks: number;
  /** The first command happens at `start`; the last one before `start + days`. */
  start: Date;
  days: number;
};

export const DEFAULT_DEMO_OPTIONS: DemoDataOptions = {
  seed: 42,
  tenantId: 'demo',
  accounts: 50,
  contactsPerAccount: 4,
  leads: 300,
  dealsPerAccount: 2,
  interactionsPerContact: 6,
  tickets: 100,
  campaigns: 5,
  tasks: 150,
  start: new Date('2025-01-01T00:00:00.000Z'),
  days: 365,
};

const COUNTS = [
  'accounts',
  'contactsPerAccount',
  'leads',
  'dealsPerAccount',
  'interactionsPerContact',
  'tickets',
  'campaigns',
  'tasks',
] as const satisfies readonly (keyof DemoDataOptions)[];

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Every problem with the options, as `name: reason` lines; empty when they are usable. */
export const demoOptionProblems = (options: DemoDataOptions): string[] => {
  const problems: string[] = [];
  if (!Number.isSafeInteger(options.seed)) problems.push('seed: must be an integer');
  if (!TENANT_ID.test(options.tenantId))
    problems.push('tenantId: must be 1-64 letters, digits, _ or -');
  for (const name of COUNTS) {
    const value = options[name];
    if (!Number.isInteger(value) || value < 0 || value > 1_000_000)
      problems.push(`${name}: must be an integer from 0 to 1000000`);
  }
  if (Number.isNaN(options.start.getTime())) problems.push('start: must be a valid date');
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 36_500)
    problems.push('days: must be an integer from 1 to 36500');
  if (options.tickets > 0 && options.accounts * options.contactsPerAccount === 0)
    problems.push('tickets: need at least one contact (accounts and contactsPerAccount above 0)');
  return problems;
};
