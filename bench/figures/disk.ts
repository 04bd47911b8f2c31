import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { BenchContext } from '../context';
import { FigureResult, Json } from '../model';
import { checkpointDatabase } from '../stores';

/**
 * Figure 7: bytes per event on disk, for the event store and for the read models of the whole
 * log (both after a WAL checkpoint; pages on the free list are not counted), with where the bytes
 * go: the table and each index (SQLite's dbstat), the JSON payload, each read-model collection.
 */

type FileFacts = {
  fileBytes: number;
  usedBytes: number;
  byObject: Record<string, number>;
};

const fileFacts = (path: string): FileFacts => {
  checkpointDatabase(path);
  const db = new Database(path, { readonly: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    const byObject: Record<string, number> = {};
    try {
      const rows = db
        .prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
        .all() as { name: string; bytes: number }[];
      for (const row of rows) byObject[row.name] = row.bytes;
    } catch {
      // dbstat is not compiled in: no breakdown.
    }
    return { fileBytes: statSync(path).size, usedBytes: (pages - free) * pageSize, byObject };
  } finally {
    db.close();
  }
};

export const diskTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const started = performance.now();
  const store = fileFacts(ctx.eventsPath);
  const readModels = fileFacts(ctx.readModelsPath);
  const events = new Database(ctx.eventsPath, { readonly: true });
  const payload = events
    .prepare(
      `SELECT COUNT(*) AS events, SUM(length(data)) AS data, SUM(length(metadata)) AS metadata,
              SUM(length(stream_name) + length(event_id) + length(type) + length(recorded_at)) AS other
       FROM events`,
    )
    .get() as { events: number; data: number; metadata: number; other: number };
  events.close();
  const documents = new Database(ctx.readModelsPath, { readonly: true });
  const collections = documents
    .prepare(
      `SELECT collection, COUNT(*) AS documents, SUM(length(doc)) AS bytes
       FROM docs GROUP BY collection ORDER BY bytes DESC`,
    )
    .all() as { collection: string; documents: number; bytes: number }[];
  documents.close();
  const count = payload.events;
  const perEvent = (bytes: number) => bytes / count;
  return {
    figure: 'disk',
    measurements: [
      {
        id: 'disk.event-store',
        figure: 'disk',
        label: 'event store (SQLite file)',
        value: perEvent(store.usedBytes),
        unit: 'B/event',
        note: `${(store.usedBytes / 1024 ** 2).toFixed(0)} MiB for ${count} events`,
      },
      {
        id: 'disk.event-payload',
        figure: 'disk',
        label: 'of which JSON data + metadata',
        value: perEvent(payload.data + payload.metadata),
        unit: 'B/event',
        note: `data ${perEvent(payload.data).toFixed(0)} B, metadata ${perEvent(payload.metadata).toFixed(0)} B`,
      },
      {
        id: 'disk.read-models',
        figure: 'disk',
        label: 'read models (SQLite file)',
        value: perEvent(readModels.usedBytes),
        unit: 'B/event',
        note: `${(readModels.usedBytes / 1024 ** 2).toFixed(0)} MiB`,
      },
    ],
    info: {
      events: count,
      eventStore: store as unknown as Json,
      payload: payload as unknown as Json,
      readModels: readModels as unknown as Json,
      collections: collections as unknown as Json,
    },
    seconds: (performance.now() - started) / 1000,
  };
};
