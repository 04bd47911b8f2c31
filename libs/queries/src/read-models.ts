import {
  allProjections,
  DocumentVersion,
  historyCollectionOf,
  parsePhysicalName,
  recordProjections,
  TimelineEntryDocument,
  timelineProjection,
} from '@crm/projections';
import { Document, DocumentCollection, DocumentStore } from '@crm/read-store';
import { versionsValidAt } from './time-travel/versions-valid-at';
import { kindOfCollection, ReadScope, UNSCOPED } from './views/read-scope';
import { filteredCollection, scopedCollection } from './views/scoped-collection';
import { visibleTimelineEntries } from './views/timeline-visibility';

const GENERATION_CACHE_MS = 1000;

type ActiveGenerations = Map<string, { physical: string; readAt: number }>;

/**
 * Queries read collections by their logical name (`contacts`); this resolves the generation a
 * projection currently serves (`contacts@v1.2`). A rebuild switches generations in the store;
 * the mapping is re-read at most a second later, or at once after `refresh()`.
 * Read `within` a caller's scope, every collection shows only what the caller may see; read
 * `asOf` a moment, every collection shows its documents as they were then (from the history its
 * projection keeps), so the same queries answer for the past.
 */
export class ReadModels {
  constructor(
    private readonly documents: DocumentStore,
    readonly scope: ReadScope = UNSCOPED,
    private readonly active: ActiveGenerations = new Map(),
    /** The moment read (epoch milliseconds); undefined: now. */
    private readonly at?: number,
  ) {}

  /** The same read models as the caller of `scope` may see them. */
  within(scope: ReadScope): ReadModels {
    return new ReadModels(this.documents, scope, this.active, this.at);
  }

  /** The same read models as they were at `moment`. */
  asOf(moment: Date): ReadModels {
    return new ReadModels(this.documents, this.scope, this.active, moment.getTime());
  }

  async collection<T extends Document>(logicalName: string): Promise<DocumentCollection<T>> {
    const collection = await this.unscoped<T>(logicalName);
    const kind = kindOfCollection(logicalName);
    const filter = kind === undefined ? undefined : this.scope.filters[kind];
    if (filter !== undefined) return scopedCollection(collection, filter);
    if (logicalName !== timelineProjection.name || Object.keys(this.scope.filters).length === 0) {
      return collection;
    }
    // Timeline entries carry no owner: each is as visible as the records it links.
    const visible = visibleTimelineEntries(this.scope, (kind) =>
      this.collection(recordProjections[kind].name),
    );
    const entries = collection as unknown as DocumentCollection<TimelineEntryDocument>;
    return filteredCollection(entries, visible) as unknown as DocumentCollection<T>;
  }

  /**
   * Whether the projection of `logicalName` serves a generation readable here: false until its
   * first build, while the generation served was built by a version older than `version` (a
   * rebuild to a new version serves the old generation until it catches up, without what the new
   * version adds), and, read as of a past moment, for a projection that keeps no history.
   */
  async isBuilt(logicalName: string, version = 1): Promise<boolean> {
    if (this.at !== undefined && !HISTORIES.has(logicalName)) return false;
    const active = await this.documents.activeGeneration(logicalName);
    if (active === undefined) return false;
    return (parsePhysicalName(active)?.version ?? 1) >= version;
  }

  refresh(): void {
    this.active.clear();
  }

  private async unscoped<T extends Document>(logicalName: string): Promise<DocumentCollection<T>> {
    const physical = await this.generationOf(logicalName);
    if (!physical) return emptyCollection<T>();
    if (this.at === undefined) return this.documents.collection<T>(physical);
    if (!HISTORIES.has(logicalName)) {
      throw new Error(`${logicalName} keeps no history: it cannot be read as of a past moment`);
    }
    const history = this.documents.collection<DocumentVersion>(historyCollectionOf(physical));
    return versionsValidAt<T>(history, this.at);
  }

  private async generationOf(logicalName: string): Promise<string | undefined> {
    const cached = this.active.get(logicalName);
    if (cached && Date.now() - cached.readAt < GENERATION_CACHE_MS) return cached.physical;
    const physical = await this.documents.activeGeneration(logicalName);
    if (physical) this.active.set(logicalName, { physical, readAt: Date.now() });
    return physical;
  }
}

/** The read models whose projections keep the history of their documents. */
const HISTORIES = new Set(allProjections.filter((p) => p.history).map((p) => p.name));

/** A projection that has never been built reads as empty rather than failing. */
const emptyCollection = <T extends Document>(): DocumentCollection<T> => ({
  get: async () => undefined,
  getMany: async () => new Map(),
  find: async () => [],
  count: async () => 0,
});
