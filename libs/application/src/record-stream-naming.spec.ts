import { aggregateDeciders } from '@crm/domain';
import { documentIdFor, isOwnRecordStream } from '@crm/projections';
import { streamNameFor } from './stream-name';

/** The read side finds a record's own stream by the same convention the write side names it. */
describe('record stream naming', () => {
  it.each(Object.keys(aggregateDeciders))('agrees for %s records', (kind) => {
    const stream = streamNameFor(kind, 'acme_1', 'rec-42');
    expect(isOwnRecordStream(kind, stream, documentIdFor('acme_1', 'rec-42'))).toBe(true);
    expect(isOwnRecordStream(kind, stream, documentIdFor('acme_1', 'rec-43'))).toBe(false);
  });
});
