import { IsoDateTime } from '@crm/domain';

/** Where a timeline page ended: the last entry's time and log position. */
export type TimelineCursor = { occurredAt: IsoDateTime; position: number };

export class InvalidTimelineCursorError extends Error {
  readonly code = 'INVALID_CURSOR';

  constructor(readonly cursor: string) {
    super('the timeline cursor is not one a timeline page returned');
    this.name = 'InvalidTimelineCursorError';
  }
}

const MAX_CURSOR_LENGTH = 200;

/** An opaque, URL-safe cursor. */
export const encodeTimelineCursor = (cursor: TimelineCursor): string =>
  Buffer.from(JSON.stringify([cursor.occurredAt, cursor.position]), 'utf8').toString('base64url');

/** The cursor, or undefined when the text is not one `encodeTimelineCursor` made. */
export const decodeTimelineCursor = (text: string): TimelineCursor | undefined => {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [occurredAt, position] = value as unknown[];
  if (typeof occurredAt !== 'string' || Number.isNaN(Date.parse(occurredAt))) return undefined;
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) {
    return undefined;
  }
  return { occurredAt, position };
};

/** The cursor, or an InvalidTimelineCursorError. */
export const parseTimelineCursor = (text: string): TimelineCursor => {
  const cursor = decodeTimelineCursor(text);
  if (cursor === undefined) throw new InvalidTimelineCursorError(text);
  return cursor;
};
