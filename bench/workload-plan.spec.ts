import {
  COHORT_STAGGER_DAYS,
  EVENTS_PER_ITEM,
  itemsForEvents,
  recordsTouched,
  WORKLOAD_START,
  WorkloadItem,
  workloadItems,
} from './workload-plan';

const take = (seed: number, count: number): WorkloadItem[] => [...workloadItems(seed, count)];
const shape = (items: WorkloadItem[]) =>
  items.map((item) => ({
    at: item.at.toISOString(),
    kind: item.kind,
    recordId: item.recordId,
    actorId: item.actorId,
    command: item.command,
  }));

describe('workloadItems', () => {
  const items = take(42, 4000);

  it('is a pure function of the seed', () => {
    expect(shape(take(42, 4000))).toEqual(shape(items));
    expect(shape(take(43, 50))).not.toEqual(shape(items.slice(0, 50)));
  });

  it('scales by taking a prefix: a smaller workload is the start of a larger one', () => {
    expect(shape(take(42, 1500))).toEqual(shape(items.slice(0, 1500)));
  });

  it('yields exactly the number asked for, numbered in order, in time order', () => {
    expect(items).toHaveLength(4000);
    items.forEach((item, index) => expect(item.seq).toBe(index));
    for (let i = 1; i < items.length; i++)
      expect(items[i].at.getTime()).toBeGreaterThanOrEqual(items[i - 1].at.getTime());
  });

  it('staggers cohorts a month apart, each starting no earlier than its start', () => {
    expect(Math.max(...items.map((item) => item.cohort))).toBeGreaterThan(1);
    for (const item of items) {
      const start = WORKLOAD_START + item.cohort * COHORT_STAGGER_DAYS * 86_400_000;
      expect(item.at.getTime()).toBeGreaterThanOrEqual(start);
    }
  });

  it('puts every deal of every cohort on the one pipeline the first cohort defines', () => {
    const definitions = items.filter((item) => item.command.type === 'DefinePipeline');
    expect(definitions).toHaveLength(1);
    const pipelineId = definitions[0].recordId;
    const dealPipelines = items.flatMap((item) =>
      item.command.type === 'OpenDeal'
        ? [item.command.data.pipelineId]
        : item.command.type === 'ConvertLead' && item.command.data.deal
          ? [item.command.data.deal.pipelineId]
          : [],
    );
    expect(dealPipelines.length).toBeGreaterThan(0);
    expect(new Set(dealPipelines)).toEqual(new Set([pipelineId]));
  });

  it('has interactions as the bulk of its commands once cohorts are under way', () => {
    const larger = take(42, 20_000);
    const byKind = new Map<string, number>();
    for (const item of larger) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
    const [largest] = [...byKind.entries()].sort((a, b) => b[1] - a[1]);
    expect(largest[0]).toBe('interaction');
    expect(largest[1] / larger.length).toBeGreaterThan(0.4);
  });
});

describe('itemsForEvents', () => {
  it('sends about one command per event', () => {
    expect(itemsForEvents(1_000_000)).toBe(Math.round(1_000_000 / EVENTS_PER_ITEM));
    expect(itemsForEvents(1)).toBe(1);
  });
});

describe('recordsTouched', () => {
  it('writes its own record and reads every record its data names', () => {
    const call = take(42, 4000).find((item) => item.command.type === 'LogCall');
    if (!call || call.command.type !== 'LogCall') throw new Error('no call in the workload');
    const touched = recordsTouched(call);
    expect(touched.writes).toBe(call.recordId);
    expect(touched.reads).toContain(call.command.data.contactId);
    expect(touched.reads).not.toContain(call.recordId);
  });
});
