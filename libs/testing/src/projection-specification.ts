import { StoredEvent } from '@crm/event-store';

/** What the specification needs of a projection (the shape of `@crm/projections`' Projection). */
type SpecifiedProjection<D extends { _id: string }> = {
  handles: ReadonlySet<string>;
  documentIds(event: StoredEvent): string[];
  evolve(current: D | undefined, event: StoredEvent, documentId: string): D | null | undefined;
};

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

const byId = <D extends { _id: string }>(documents: Iterable<D>): D[] =>
  [...documents].sort((a, b) => a._id.localeCompare(b._id));

/**
 * Given/then specifications for projections, applying events the way the runner does (documents
 * by id, a `null` deleting one, an unchanged one writing nothing):
 *   ProjectionSpecification.for(quotesProjection).given([created, lineAdded]).then([quote])
 * On the way it checks what the runner relies on: every event given is one the projection
 * declares it handles, the current document is never mutated (it is frozen, so a write to it
 * throws) and every document written is plain JSON (no `undefined` field, no class instance).
 */
export const ProjectionSpecification = {
  for<D extends { _id: string }>(projection: SpecifiedProjection<D>) {
    const apply = (events: readonly StoredEvent[], start: ReadonlyMap<string, D>) => {
      const documents = new Map(start);
      for (const event of events) {
        expect(projection.handles.has(event.type)).toBe(true);
        for (const id of projection.documentIds(event)) {
          const current = documents.get(id);
          const next = projection.evolve(deepFreeze(current), event, id);
          if (next === undefined || next === current) continue;
          if (next === null) {
            documents.delete(id);
            continue;
          }
          expect(JSON.parse(JSON.stringify(next))).toStrictEqual(next);
          documents.set(id, next);
        }
      }
      return documents;
    };
    return {
      /** `start`: documents there before the events, as a runner resuming from a checkpoint has. */
      given(events: readonly StoredEvent[], start: ReadonlyMap<string, D> = new Map()) {
        const run = (): Map<string, D> => apply(events, start);
        return {
          /** Every document there is afterwards, by id. */
          then(expected: readonly D[]): void {
            expect(byId(run().values())).toStrictEqual(byId(expected));
          },
          /** The one document with this id, compared on the fields given. */
          thenDocument(id: string, expected: Partial<D>): void {
            expect(run().get(id)).toMatchObject(expected);
          },
          thenNoDocuments(): void {
            expect([...run().values()]).toEqual([]);
          },
          /** The documents afterwards by id, for assertions the three above cannot say. */
          documents(): Map<string, D> {
            return run();
          },
        };
      },
    };
  },
};
