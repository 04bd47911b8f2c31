import {
  AllStreamJSONRecordedEvent,
  AllStreamResolvedEvent,
  JSONRecordedEvent,
  ResolvedEvent,
} from '@eventstore/db-client';
import { EsdbMappingError } from './esdb-mapping-error';
import { positionOf, toRecordedEvent } from './recorded-event';

const created = new Date('2026-03-01T08:00:00.000Z');
const id = '6f1c1a52-4c3e-4f8e-9a53-0f7d8c1b2a10';

/** An event as the client hands it out from $all (reads and subscriptions). */
const fromAll = (overrides: Partial<AllStreamJSONRecordedEvent> = {}): AllStreamResolvedEvent => ({
  event: {
    streamId: 'customer-1',
    id,
    isJson: true,
    revision: 3n,
    type: 'CustomerRegistered.v1',
    created,
    data: { name: 'Zoë', tags: ['a', 'b'], nested: { ok: true } },
    metadata: {
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      tenantId: 't-1',
      recordedAt: '2026-02-01T10:00:00.000Z',
    },
    position: { commit: 2_746n, prepare: 2_746n },
    ...overrides,
  },
  commitPosition: 2_746n,
});

/** An event as the client hands it out from a stream read. */
const fromStream = (
  overrides: Partial<JSONRecordedEvent> = {},
  commitPosition?: bigint,
): ResolvedEvent => ({
  event: {
    streamId: 'customer-1',
    id,
    isJson: true,
    revision: 3n,
    type: 'CustomerRegistered.v1',
    created,
    data: { name: 'Zoë' },
    metadata: undefined,
    ...overrides,
  },
  commitPosition,
});

describe('recorded event mapping', () => {
  it('maps a $all event: ids, names, revision, position, JSON data and metadata untouched', () => {
    const resolved = fromAll();
    expect(toRecordedEvent(resolved)).toEqual({
      id,
      streamName: 'customer-1',
      type: 'CustomerRegistered.v1',
      revision: 3n,
      position: 2_746n,
      data: { name: 'Zoë', tags: ['a', 'b'], nested: { ok: true } },
      metadata: {
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
        tenantId: 't-1',
        recordedAt: '2026-02-01T10:00:00.000Z',
      },
      recordedAt: new Date('2026-02-01T10:00:00.000Z'),
    });
  });

  it("takes recordedAt from the metadata, else from the event's created date", () => {
    expect(toRecordedEvent(fromAll({ metadata: {} })).recordedAt).toEqual(created);
    expect(toRecordedEvent(fromAll({ metadata: { recordedAt: 'not a date' } })).recordedAt).toEqual(
      created,
    );
    expect(toRecordedEvent(fromAll({ metadata: { recordedAt: 42 } })).recordedAt).toEqual(created);
  });

  it('reads absent metadata as an empty object', () => {
    const event = toRecordedEvent(fromStream({ position: { commit: 9n, prepare: 9n } }));
    expect(event.metadata).toEqual({});
    expect(event.recordedAt).toEqual(created);
  });

  it('maps a stream-read event with its own position (22.6+) like the same event from $all', () => {
    const viaStream = fromStream({
      data: { name: 'Zoë', tags: ['a', 'b'], nested: { ok: true } },
      metadata: fromAll().event?.metadata,
      position: { commit: 2_746n, prepare: 2_746n },
    });
    expect(toRecordedEvent(viaStream)).toEqual(toRecordedEvent(fromAll()));
  });

  it("falls back to the resolved event's commit position, and fails without any", () => {
    expect(positionOf(fromStream({}, 512n))).toBe(512n);
    const sentinel = 2n ** 64n - 1n;
    expect(
      positionOf(fromStream({ position: { commit: sentinel, prepare: sentinel } }, 512n)),
    ).toBe(512n);
    expect(() => positionOf(fromStream())).toThrow(EsdbMappingError);
    expect(() =>
      positionOf(fromStream({ position: { commit: sentinel, prepare: sentinel } })),
    ).toThrow(/22\.6/);
  });

  it('delivers an event whose data or metadata is not a JSON object as unreadable, in its place', () => {
    const binary: AllStreamResolvedEvent = {
      event: {
        streamId: 's',
        id,
        isJson: false,
        revision: 0n,
        type: 'Binary',
        created,
        data: new Uint8Array([1, 2, 3]),
        metadata: undefined,
        position: { commit: 1n, prepare: 1n },
      },
    };
    expect(toRecordedEvent(binary)).toEqual({
      id,
      streamName: 's',
      type: 'Binary',
      revision: 0n,
      position: 1n,
      data: {},
      metadata: {},
      recordedAt: created,
      unreadable: `event ${id} (Binary) in s is not stored as JSON`,
    });
    // The client falls back to the raw text when JSON data does not parse.
    expect(toRecordedEvent(fromAll({ data: '{not json' })).unreadable).toMatch(/^data of event/);
    expect(toRecordedEvent(fromAll({ data: [1, 2] })).unreadable).toMatch(/not a JSON object/);
    expect(toRecordedEvent(fromAll({ metadata: new Uint8Array([123]) })).unreadable).toMatch(
      /^metadata of event/,
    );
    const malformed = toRecordedEvent(fromAll({ metadata: ['a'] }));
    expect(malformed).toMatchObject({ position: 2_746n, revision: 3n, data: {}, metadata: {} });
    expect(toRecordedEvent(fromAll()).unreadable).toBeUndefined();
  });

  it('refuses a resolved event without its event record', () => {
    expect(() => toRecordedEvent({ commitPosition: 1n })).toThrow(EsdbMappingError);
  });
});
