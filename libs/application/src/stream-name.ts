/**
 * Stream names: `<kind>-<tenantId>.<recordId>`. The kind before the first dash is EventStoreDB's
 * category; the tenant inside the name keeps every tenant's records apart.
 */
export const streamNameFor = (kind: string, tenantId: string, recordId: string): string =>
  `${kind}-${tenantId}.${recordId}`;

export type ParsedStreamName = { kind: string; tenantId: string; recordId: string };

const STREAM_NAME = /^([a-z]+)-([A-Za-z0-9_-]+?)\.(.+)$/;

export const parseStreamName = (streamName: string): ParsedStreamName | undefined => {
  const match = STREAM_NAME.exec(streamName);
  return match ? { kind: match[1], tenantId: match[2], recordId: match[3] } : undefined;
};
