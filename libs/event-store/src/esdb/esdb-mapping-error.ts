/**
 * Something read from EventStoreDB that this adapter cannot turn into a port value: a non-JSON
 * event, metadata that is not a JSON object, or a log position that is missing or shared by
 * several events. It is a fact about the stored data, not a dropped connection, so a
 * subscription surfaces it instead of retrying.
 */
export class EsdbMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EsdbMappingError';
  }
}
