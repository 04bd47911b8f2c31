import {
  CommandContext,
  EVENT_SERIALIZER,
  intentFromOutside,
  loadConfig,
  parseStreamName,
  publishScoringModel,
} from '@crm/application';
import { EVENT_VERSIONS } from '@crm/application/event-upcasters';
import { deciderFor, DomainEventType, isAggregateKind } from '@crm/domain';
import {
  createSqliteEventStore,
  EventSerializer,
  JsonObject,
  StreamChainVerifier,
} from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createApp } from '../../apps/api/src/create-app';
import { CommandSender } from '../../apps/api/src/http/command-sender';
import { goldenScenario, goldenScoringModel } from './golden-scenario';

/**
 * The golden fixtures: the scenario's events exactly as the log stored them. Once committed, an
 * event in one must load forever: changing an event's shape means a new version and an upcaster,
 * never an edit of a fixture. `events.v1.json` is the first form (amounts as major-unit numbers,
 * before principals and the hash chain); `events.v2.json` is what the command path writes today
 * (money in minor units). `GOLDEN_UPDATE=1` writes a fixture that does not exist yet.
 */
const FIXTURE = join(__dirname, 'events.v1.json');
const FIXTURE_V2 = join(__dirname, 'events.v2.json');
const GOLDEN_PRINCIPAL = { kind: 'user', subject: 'golden-actor' } as const;

type StoredForm = {
  id: string;
  streamName: string;
  revision: number;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
};

let scenarioRun: Promise<StoredForm[]> | undefined;
/** The scenario runs once per suite; each test reads the same written log. */
const runScenario = (): Promise<StoredForm[]> => (scenarioRun ??= writeScenario());

const writeScenario = async (): Promise<StoredForm[]> => {
  let now = new Date('2026-04-01T08:00:00.000Z');
  const store = createSqliteEventStore({ path: ':memory:' });
  const app = await createApp({
    config: loadConfig({ CRM_RUN_PROJECTIONS: 'false', CRM_RUN_PROCESSES: 'false' }),
    eventStore: store,
    documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
    clock: () => now,
    logger: false,
  });
  await publishScoringModel(store, 'golden', goldenScoringModel, GOLDEN_PRINCIPAL, now);
  for (const [index, { kind, id, type, data, afterMs }] of goldenScenario.entries()) {
    if (afterMs !== undefined) now = new Date(now.getTime() - 60_000 + afterMs);
    const context: CommandContext = {
      tenantId: 'golden',
      actorId: 'golden-actor',
      principal: GOLDEN_PRINCIPAL,
      commandId: `command-${index}`,
      correlationId: `correlation-${index}`,
      causationId: `command-${index}`,
      idempotencyKey: `golden-${index}`,
      requestHash: 'golden',
    };
    await app.get(CommandSender).send(kind, id, intentFromOutside(kind, { type, data }), context);
    now = new Date(now.getTime() + 60_000);
  }
  // The records' events: the scoring model's stream is the tenant's configuration, not a record.
  const events = (await store.readAll({ maxCount: 10_000 })).filter((e) => {
    const stream = parseStreamName(e.streamName);
    return stream !== undefined && isAggregateKind(stream.kind);
  });
  await app.close();
  return events.map((e) => ({
    id: e.id,
    streamName: e.streamName,
    revision: Number(e.revision),
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  }));
};

const domainEventTypes = (): string[] => {
  const root = join(__dirname, '..', '..', 'libs', 'domain', 'src');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(root, dir.name))
        .filter((file) => file.endsWith('.events.ts'))
        .flatMap((file) =>
          [
            ...readFileSync(join(root, dir.name, file), 'utf8').matchAll(/DomainEvent<\s*'(\w+)'/g),
          ].map((m) => m[1]),
        ),
    );
};

const readFixture = async (path: string): Promise<StoredForm[]> => {
  if (!existsSync(path) && process.env.GOLDEN_UPDATE === '1') {
    writeFileSync(path, `${JSON.stringify(await runScenario(), null, 2)}\n`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as StoredForm[];
};

/** A fixture's events in a fresh store, with the app (and its serializer) over it. */
const loadFixture = async (events: readonly StoredForm[]) => {
  const store = createSqliteEventStore({ path: ':memory:' });
  for (const event of events) {
    await store.appendToStream(event.streamName, [event], {
      expectedRevision: event.revision === 0 ? 'no_stream' : BigInt(event.revision - 1),
    });
  }
  const documents = createEmbeddedDocumentStore({ path: ':memory:' });
  const app = await createApp({
    config: loadConfig({ CRM_RUN_PROJECTIONS: 'false', CRM_RUN_PROCESSES: 'false' }),
    eventStore: store,
    documentStore: documents,
    logger: false,
  });
  return { store, documents, app, serializer: app.get<EventSerializer>(EVENT_SERIALIZER) };
};

describe('golden events', () => {
  let fixture: StoredForm[];
  let fixtureV2: StoredForm[];
  beforeAll(async () => {
    fixture = await readFixture(FIXTURE);
    fixtureV2 = await readFixture(FIXTURE_V2);
  });

  it.each([
    ['v1', () => fixture],
    ['v2', () => fixtureV2],
  ])('%s holds every event type the domain declares', (_name, events) => {
    const declared = domainEventTypes();
    expect(declared.length).toBeGreaterThan(50);
    const stored = new Set(events().map((e) => e.type.replace(/\.v\d+$/, '')));
    expect(declared.filter((type) => !stored.has(type))).toEqual([]);
  });

  it('is still what the command path writes today (an event shape changed without a new version?)', async () => {
    expect(await runScenario()).toEqual(fixtureV2);
  });

  it('writes every event at the version EVENT_VERSIONS names, and v1 upcasts to exactly the v2 data', async () => {
    const written = new Map(fixtureV2.map((e) => [e.id, e]));
    expect(
      fixtureV2.filter(
        (e) =>
          e.type !==
          `${e.type.replace(/\.v\d+$/, '')}.v${EVENT_VERSIONS[e.type.replace(/\.v\d+$/, '') as DomainEventType]}`,
      ),
    ).toEqual([]);
    const { store, app, serializer } = await loadFixture(fixture);
    const mismatches = (await store.readAll({ maxCount: 10_000 })).filter(
      (recorded) =>
        !isDeepStrictEqual(serializer.deserialize(recorded).data, written.get(recorded.id)?.data),
    );
    await app.close();
    expect(mismatches.map((r) => r.type)).toEqual([]);
  });

  it('records the principal on every event and chains every stream', async () => {
    const written = await runScenario();
    expect(written.every((e) => isDeepStrictEqual(e.metadata.principal, GOLDEN_PRINCIPAL))).toBe(
      true,
    );
    const verifiers = new Map<string, StreamChainVerifier>();
    const results = written.map((e) => {
      const verifier = verifiers.get(e.streamName) ?? new StreamChainVerifier(e.streamName);
      verifiers.set(e.streamName, verifier);
      return verifier.add({
        ...e,
        revision: BigInt(e.revision),
        position: 0n,
        recordedAt: new Date(),
      }).verified;
    });
    expect(results.every((verified) => verified === true)).toBe(true);
  });

  it('verifies the v2 fixture as chained streams', () => {
    const verifiers = new Map<string, StreamChainVerifier>();
    const results = fixtureV2.map((e) => {
      const verifier = verifiers.get(e.streamName) ?? new StreamChainVerifier(e.streamName);
      verifiers.set(e.streamName, verifier);
      return verifier.add({
        ...e,
        revision: BigInt(e.revision),
        position: 0n,
        recordedAt: new Date(),
      }).verified;
    });
    expect(results.every((verified) => verified === true)).toBe(true);
  });

  it('verifies the legacy fixture as events from before the chain', () => {
    const verifiers = new Map<string, StreamChainVerifier>();
    for (const e of fixture) {
      const verifier = verifiers.get(e.streamName) ?? new StreamChainVerifier(e.streamName);
      verifiers.set(e.streamName, verifier);
      verifier.add({ ...e, revision: BigInt(e.revision), position: 0n, recordedAt: new Date() });
    }
    const all = [...verifiers.values()];
    expect(all.every((v) => v.broken === undefined)).toBe(true);
    expect(all.reduce((n, v) => n + v.unchained, 0)).toBe(fixture.length);
  });

  it.each([
    ['v1', () => fixture],
    ['v2', () => fixtureV2],
  ])(
    '%s loads forever: every stored event upcasts, folds into its record and projects without parking',
    async (_name, events) => {
      const { store, documents, app, serializer } = await loadFixture(events());

      const states = new Map<string, { exists: boolean }>();
      for (const recorded of await store.readAll({ maxCount: 10_000 })) {
        const stream = parseStreamName(recorded.streamName);
        if (!stream || !isAggregateKind(stream.kind))
          throw new Error(`unexpected stream ${recorded.streamName}`);
        const decider = deciderFor(stream.kind);
        const state = states.get(recorded.streamName) ?? decider.initialState();
        states.set(
          recorded.streamName,
          decider.evolve(state, serializer.deserialize(recorded)) as { exists: boolean },
        );
      }
      expect([...states.values()].every((state) => state.exists)).toBe(true);

      const runner = new ProjectionRunner(store, documents, serializer, allProjections);
      await runner.runToHead();
      expect(runner.status().parked).toBe(0);
      await app.close();
    },
  );
});
