import { isCreatingCommand } from '@crm/application';
import { AggregateKind, aggregateDeciders } from '@crm/domain';
import { DemoItem } from './demo-item';
import { DemoOptionsError, demoData, generateDemoData } from './demo-data';
import { DEFAULT_DEMO_OPTIONS, DemoDataOptions } from './demo-options';

const DAY = 86_400_000;

const created = (items: DemoItem[], kind: AggregateKind): number =>
  items.filter((item) => item.kind === kind && isCreatingCommand(item.command.type)).length;

const commandTypes = (items: DemoItem[]): Set<string> =>
  new Set(items.map((item) => item.command.type));

const dataOf = (item: DemoItem): Record<string, unknown> =>
  item.command.data as Record<string, unknown>;

describe('demo data generator', () => {
  const items = generateDemoData();

  it('is deterministic: the same seed gives the same items, another seed others', () => {
    expect(generateDemoData({ seed: 42 })).toEqual(items);
    const other = generateDemoData({ seed: 7 });
    expect(other).not.toEqual(items);
    const ids = new Set(items.map((item) => item.recordId));
    expect(other.filter((item) => ids.has(item.recordId))).toEqual([]);
  });

  it('yields the same items through the iterable form', () => {
    expect([...demoData({ seed: 3, accounts: 4, leads: 10 })]).toEqual(
      generateDemoData({ seed: 3, accounts: 4, leads: 10 }),
    );
  });

  it.each([
    DEFAULT_DEMO_OPTIONS,
    {
      ...DEFAULT_DEMO_OPTIONS,
      seed: 9,
      accounts: 7,
      contactsPerAccount: 3,
      leads: 25,
      dealsPerAccount: 1,
      interactionsPerContact: 2,
      tickets: 9,
      campaigns: 2,
      tasks: 11,
    },
  ])('creates exactly the records the sizes ask for (%#)', (options) => {
    const generated = generateDemoData(options);
    const contacts = options.accounts * options.contactsPerAccount;
    expect({
      pipeline: created(generated, 'pipeline'),
      account: created(generated, 'account'),
      contact: created(generated, 'contact'),
      lead: created(generated, 'lead'),
      deal: created(generated, 'deal'),
      interaction: created(generated, 'interaction'),
      ticket: created(generated, 'ticket'),
      campaign: created(generated, 'campaign'),
      task: created(generated, 'task'),
    }).toEqual({
      pipeline: 1,
      account: options.accounts,
      contact: contacts,
      lead: options.leads,
      deal: options.accounts * options.dealsPerAccount,
      interaction: contacts * options.interactionsPerContact,
      ticket: options.tickets,
      campaign: options.campaigns,
      task: options.tasks,
    });
  });

  it('never goes back in time and stays inside the period', () => {
    const start = DEFAULT_DEMO_OPTIONS.start.getTime();
    const end = start + DEFAULT_DEMO_OPTIONS.days * DAY;
    expect(items[0].at.getTime()).toBe(start);
    items.forEach((item, index) => {
      expect(item.at.getTime()).toBeLessThan(end);
      if (index > 0)
        expect(item.at.getTime()).toBeGreaterThanOrEqual(items[index - 1].at.getTime());
    });
  });

  it('spreads the history over the whole period', () => {
    const start = DEFAULT_DEMO_OPTIONS.start.getTime();
    const quarters = [0, 0, 0, 0];
    for (const item of items) quarters[Math.floor((item.at.getTime() - start) / (DAY * 91.25))]++;
    for (const quarter of quarters) expect(quarter).toBeGreaterThan(items.length / 10);
  });

  it('covers every aggregate kind and the interesting paths of each', () => {
    expect(new Set(items.map((item) => item.kind))).toEqual(
      new Set(Object.keys(aggregateDeciders)),
    );
    const types = commandTypes(items);
    for (const type of [
      'LogCall',
      'LogEmail',
      'LogMeeting',
      'LogNote',
      'QualifyLead',
      'DisqualifyLead',
      'ConvertLead',
      'AssignLead',
      'AdjustLeadScore',
      'MoveDealStage',
      'WinDeal',
      'LoseDeal',
      'ReopenDeal',
      'ChangeDealAmount',
      'AssignTicket',
      'ReplyToTicket',
      'EscalateTicket',
      'ResolveTicket',
      'ReopenTicket',
      'CloseTicket',
      'AddCampaignMembers',
      'RecordCampaignTouch',
      'CompleteCampaign',
      'CompleteTask',
      'CancelTask',
      'RescheduleTask',
      'TagAccount',
      'RecordContactConsent',
    ]) {
      expect(types).toContain(type);
    }
    const priorities = items
      .filter((item) => item.command.type === 'OpenTicket')
      .map((item) => dataOf(item).priority);
    expect(new Set(priorities)).toEqual(new Set(['low', 'normal', 'high', 'urgent']));
    const touches = items
      .filter((item) => item.command.type === 'RecordCampaignTouch')
      .map((item) => dataOf(item).touch);
    expect(new Set(touches)).toEqual(new Set(['sent', 'opened', 'clicked', 'responded']));
    const sources = items
      .filter((item) => item.command.type === 'CaptureLead')
      .map((item) => dataOf(item).source);
    expect(new Set(sources).size).toBeGreaterThanOrEqual(5);
    const conversions = items.filter((item) => item.command.type === 'ConvertLead');
    expect(conversions.some((item) => dataOf(item).deal !== undefined)).toBe(true);
  });

  it('leaves some deals open and some tasks open past their due time', () => {
    const end = DEFAULT_DEMO_OPTIONS.start.getTime() + DEFAULT_DEMO_OPTIONS.days * DAY;
    const closed = new Set(
      items
        .filter((item) =>
          ['WinDeal', 'LoseDeal', 'CompleteTask', 'CancelTask'].includes(item.command.type),
        )
        .map((item) => item.recordId),
    );
    const openDeals = items.filter(
      (item) => item.command.type === 'OpenDeal' && !closed.has(item.recordId),
    );
    expect(openDeals.length).toBeGreaterThan(0);
    const dueAt = new Map<string, number>();
    for (const item of items) {
      if (item.command.type === 'ScheduleTask' || item.command.type === 'RescheduleTask')
        dueAt.set(item.recordId, Date.parse(String(dataOf(item).dueAt)));
    }
    const overdue = [...dueAt].filter(([taskId, due]) => !closed.has(taskId) && due < end);
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('refuses unusable options with every problem named', () => {
    const problemsOf = (options: Partial<DemoDataOptions>): string[] => {
      try {
        generateDemoData(options);
        return [];
      } catch (error) {
        if (!(error instanceof DemoOptionsError)) throw error;
        return error.problems;
      }
    };
    expect(problemsOf({ accounts: -1, days: 0, tenantId: 'no spaces' })).toEqual([
      'tenantId: must be 1-64 letters, digits, _ or -',
      'accounts: must be an integer from 0 to 1000000',
      'days: must be an integer from 1 to 36500',
    ]);
    expect(problemsOf({ accounts: 0, tickets: 3, start: new Date('nope') })).toEqual([
      'start: must be a valid date',
      'tickets: need at least one contact (accounts and contactsPerAccount above 0)',
    ]);
  });
});
