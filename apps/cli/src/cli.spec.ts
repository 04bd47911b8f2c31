import { eventUpcasters } from '@crm/application/event-upcasters';
import { isProcessStream, parseStreamName } from '@crm/application';
import { DemoDataOptions, generateDemoData } from '@crm/demo-data';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { allProjections, nextGeneration, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { dumpReadModels } from '../../../test/support/read-model-dump';
import { runCli } from './cli';
import { StatusReport } from './commands/status.command';

const serializer = createEventSerializer(createEventSchemaRegistry(eventUpcasters));

const SIZES = {
  accounts: 6,
  contactsPerAccount: 3,
  leads: 40,
  dealsPerAccount: 2,
  interactionsPerContact: 3,
  tickets: 12,
  campaigns: 2,
  tasks: 15,
  days: 120,
};
const SEED_ARGS = [
  'seed',
  ...['--accounts', '6', '--contacts-per-account', '3', '--leads', '40'],
  ...['--deals-per-account', '2', '--interactions-per-contact', '3', '--tickets', '12'],
  ...['--campaigns', '2', '--tasks', '15', '--days', '120'],
];

type Run = { code: number; stdout: string; stderr: string };

const collector = () => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => text };
};

describe('crm cli', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const items = generateDemoData({ ...SIZES } satisfies Partial<DemoDataOptions>);

  const run = async (argv: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> => {
    const stdout = collector();
    const stderr = collector();
    const code = await runCli(argv, {
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: { ...env, ...extraEnv },
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  /** The stores the CLI used, opened once it has closed them. */
  const withStores = async <T>(
    use: (events: EventStore, documents: DocumentStore) => Promise<T>,
  ): Promise<T> => {
    const events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    const documents = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    try {
      return await use(events, documents);
    } finally {
      await documents.close();
      await events.close();
    }
  };

  const tenantEventCount = (events: EventStore, tenantId = 'demo') =>
    events
      .readAll({ maxCount: 1_000_000 })
      .then(
        (log) =>
          log.filter(
            (e) =>
              !isProcessStream(e.streamName) &&
              parseStreamName(e.streamName)?.tenantId === tenantId,
          ).length,
      );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
    env = { CRM_DATA_DIR: dir, CRM_SQLITE_SYNCHRONOUS: 'NORMAL' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seed: sends the generated history through the command path and finishes the conversions', async () => {
    const seeded = await run(SEED_ARGS);

    expect(seeded).toMatchObject({ code: 0 });
    const appended = Number(/(\d+) events appended/.exec(seeded.stdout)?.[1]);
    expect(seeded.stdout).toContain(`${items.length} commands`);
    await withStores(async (events) => {
      expect(await tenantEventCount(events)).toBe(appended);
      const log = await events.readAll({ maxCount: 1_000_000 });
      const conversions = log.filter((e) => e.type.startsWith('LeadConverted.'));
      const converted = log.filter(
        (e) => e.type.startsWith('ContactCreated.') && (e.data as { origin?: unknown }).origin,
      );
      expect(conversions.length).toBeGreaterThan(0);
      expect(converted).toHaveLength(conversions.length);
      // Domain events carry the simulated time; process checkpoints carry the wall clock.
      const recordedAt = log
        .filter((e) => !isProcessStream(e.streamName))
        .map((e) => e.recordedAt.getTime());
      expect(recordedAt).toEqual([...recordedAt].sort((a, b) => a - b));
    });
  });

  it('seed: a second run of the same seed appends nothing', async () => {
    const again = await run(SEED_ARGS);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 events appended');
  });

  it('rebuild: builds new generations equal to what a fresh runner builds from the log', async () => {
    expect((await run(['rebuild'])).code).toBe(0);
    const before = await withStores(async (_, documents) =>
      Promise.all(allProjections.map((p) => documents.activeGeneration(p.name))),
    );

    const rebuilt = await run(['rebuild']);

    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(
      new RegExp(
        `rebuilt ${allProjections.length} read model\\(s\\) from \\d+ events .* events/s\\)`,
      ),
    );
    await withStores(async (events, documents) => {
      const after = await Promise.all(
        allProjections.map((p) => documents.activeGeneration(p.name)),
      );
      expect(after).toEqual(allProjections.map((p, i) => nextGeneration(p, before[i])));
      const fresh = createEmbeddedDocumentStore({ path: ':memory:' });
      await new ProjectionRunner(events, fresh, serializer, allProjections).runToHead();
      expect(await dumpReadModels(documents)).toEqual(await dumpReadModels(fresh));
      expect((await dumpReadModels(documents)).deals).toHaveLength(
        items.filter((item) => item.command.type === 'OpenDeal').length +
          (await events.readAll({ maxCount: 1_000_000 })).filter(
            (e) => e.type.startsWith('DealOpened.') && (e.data as { origin?: unknown }).origin,
          ).length,
      );
      await fresh.close();
    });
  });

  it('rebuild --projection: rebuilds only the named read models', async () => {
    const before = await withStores(async (_, documents) =>
      Promise.all(allProjections.map((p) => documents.activeGeneration(p.name))),
    );
    const rebuilt = await run(['rebuild', '--projection', 'deals', 'timeline']);
    expect(rebuilt.code).toBe(0);
    const after = await withStores(async (_, documents) =>
      Promise.all(allProjections.map((p) => documents.activeGeneration(p.name))),
    );
    allProjections.forEach((projection, i) => {
      const named = ['deals', 'timeline'].includes(projection.name);
      expect(after[i]).toBe(named ? nextGeneration(projection, before[i]) : before[i]);
    });
  });

  it('status: every read model at the head, the process manager checkpointed', async () => {
    const status = await run(['status', '--json']);

    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as StatusReport;
    const head = await withStores((events) => events.headPosition());
    expect(report.head).toBe(head.toString());
    expect(report.projections.map((p) => p.name)).toEqual(allProjections.map((p) => p.name));
    for (const projection of report.projections) {
      expect(projection).toMatchObject({ checkpoint: head.toString(), lag: 0, parked: 0 });
      expect(projection.collection).toMatch(new RegExp(`^${projection.name}@v\\d+\\.\\d+$`));
    }
    expect(report.processes).toEqual([
      { name: 'lead-conversion', checkpoint: expect.any(String), parked: 0 },
      { name: 'lead-scoring', checkpoint: expect.any(String), parked: 0 },
      // It reads the leads read model, so it runs beside a read side (the API), not in the CLI.
      { name: 'lead-engagement', checkpoint: null, parked: 0 },
    ]);
    const text = await run(['status']);
    expect(text.stdout).toMatch(/lead-conversion +\d+ +0/);
    expect(text.stdout).toMatch(/lead-scoring +\d+ +0/);
  });

  it('audit-export: the tenant log as NDJSON, one line per event, in log order', async () => {
    const out = join(dir, 'audit.ndjson');
    const exported = await run(['audit-export', '--tenant', 'demo', '--out', out]);

    expect(exported.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(await withStores((events) => tenantEventCount(events)));
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of parsed) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining([
          'type',
          'storedType',
          'revision',
          'position',
          'recordedAt',
          'data',
          'metadata',
        ]),
      );
      expect(line.metadata).toMatchObject({ tenantId: 'demo' });
    }
    const positions = parsed.map((line) => BigInt(String(line.position)));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(exported.stderr).toContain(`exported ${lines.length} events of tenant demo`);
  });

  it('audit-export --kind --id: one record history to stdout', async () => {
    const deal = items.find((item) => item.command.type === 'OpenDeal');
    const exported = await run(['audit-export', '--kind', 'deal', '--id', String(deal?.recordId)]);

    expect(exported.code).toBe(0);
    const lines = exported.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { revision: number });
    const stream = await withStores((events) =>
      events.readStream(`deal-demo.${String(deal?.recordId)}`),
    );
    expect(lines.map((l) => l.revision)).toEqual(stream.map((e) => Number(e.revision)));
    expect((await run(['audit-export', '--kind', 'deal', '--id', 'no-such-deal'])).code).toBe(1);
  });

  it('as-of: the read-model document of a record at a moment', async () => {
    const moved = items.find((item) => item.command.type === 'MoveDealStage');
    const dealId = String(moved?.recordId);
    const opened = items.find(
      (item) => item.command.type === 'OpenDeal' && item.recordId === dealId,
    );
    const openedAt = opened?.at ?? new Date(0);
    const asOf = (at: Date) =>
      run(['as-of', '--kind', 'deal', '--id', dealId, '--at', at.toISOString()]);

    const atOpening = await asOf(openedAt);
    expect(atOpening.code).toBe(0);
    expect(JSON.parse(atOpening.stdout)).toMatchObject({
      dealId,
      stageId: (opened?.command.data as { stageId: string }).stageId,
    });
    expect((await asOf(new Date(openedAt.getTime() - 1))).code).toBe(1);
    const now = await asOf(new Date('2100-01-01T00:00:00Z'));
    const live = await withStores(async (_, documents) => {
      const physical = String(await documents.activeGeneration('deals'));
      return documents.collection(physical).get(`demo:${dealId}`);
    });
    const { _position, ...liveDocument } = live ?? { _position: undefined };
    expect(_position).toEqual(expect.any(Number));
    expect(JSON.parse(now.stdout)).toEqual(liveDocument);
  });

  it.each([
    [['seed', '--accounts', '-1']],
    [['seed', '--accounts', 'many']],
    [['seed', '--days', '0']],
    [['seed', '--start', 'yesterday']],
    [['seed', '--tenant', 'no spaces']],
    [['seed', '--accounts', '0', '--tickets', '3']],
    [['seed', '--unknown']],
    [['rebuild', '--projection', 'nope']],
    [['audit-export', '--kind', 'deal']],
    [['audit-export', '--id', 'x']],
    [['audit-export', '--kind', 'gadget', '--id', 'x']],
    [['as-of', '--kind', 'deal', '--id', 'x']],
    [['as-of', '--kind', 'deal', '--id', 'x', '--at', 'soon']],
    [['as-of', '--kind', 'deal', '--id', 'bad id!', '--at', '2025-01-01']],
    [['frobnicate']],
    [[]],
  ])('bad usage %j exits with 2 and says why', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error|Usage/);
  });

  it('a malformed environment variable is bad usage too', async () => {
    const result = await run(['status'], { CRM_SQLITE_SYNCHRONOUS: 'SOMETIMES' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CRM_SQLITE_SYNCHRONOUS');
  });

  it('help exits with 0', async () => {
    const help = await run(['seed', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--contacts-per-account <n>');
  });

  it('rebuild and status refuse in one line while another process holds the read store', async () => {
    const holder = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    try {
      for (const command of ['rebuild', 'status']) {
        const result = await run([command]);
        expect(result.code).toBe(1);
        expect(result.stderr.trim().split('\n')).toEqual([
          expect.stringMatching(/is in use by another process.*stop the API first/),
        ]);
      }
    } finally {
      await holder.close();
    }
  });
});
