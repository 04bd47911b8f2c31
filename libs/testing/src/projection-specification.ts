import { StoredEvent } from '@crm/event-store';

/** What the specification needs of a projection (the shape of `@crm/projections`' Projection). */
type SpecifiedProjection<D extends { _id: string }> = {
  documentIds(event: StoredEvent): string[];
  evolve(current: D | undefined, event: StoredEvent, documentId: string): D | null | undefined;
};

/**
 * Given/then specifications for projections, applying events the way the runner does (documents
 * by id, a `null` deleting one, an unchanged one writing nothing):
 *   ProjectionSpecification.for(quotesProjection).given([created, lineAdded]).then([quote])
 */
export const ProjectionSpecification = {
  for<D extends { _id: string }>(projection: SpecifiedProjection<D>) {
    return {
      given(events: readonly StoredEvent[]) {
        const run = (): D[] => {
          const documents = new Map<string, D>();
          for (const event of events) {
            for (const id of projection.documentIds(event)) {
              const next = projection.evolve(documents.get(id), event, id);
              if (next === null) documents.delete(id);
              else if (next !== undefined) documents.set(id, next);
            }
          }
          return [...documents.values()].sort((a, b) => a._id.localeCompare(b._id));
        };
        return {
          /** Every document there is afterwards, by id. */
          then(expected: readonly D[]): void {
            expect(run()).toStrictEqual([...expected].sort((a, b) => a._id.localeCompare(b._id)));
          },
          /** The one document with this id, compared on the fields given. */
          thenDocument(id: string, expected: Partial<D>): void {
            expect(run().find((document) => document._id === id)).toMatchObject(expected);
          },
          thenNoDocuments(): void {
            expect(run()).toEqual([]);
          },
        };
      },
    };
  },
};
