/**
 * How many items one record's collections may hold: the deciders refuse a command that would pass
 * a limit (422 with `<KIND>_<COLLECTION>_TOO_MANY`, nothing appended), the DTOs refuse a request
 * that does at once (400). The README's limits table lists the same numbers.
 */
export const RECORD_LIMITS = {
  /** Tags on one account or one contact. */
  tags: 100,
  /** Custom fields set on one account or one contact. */
  customFields: 100,
  /** Lines on one quote. */
  quoteLines: 100,
  /** Stages of one pipeline. */
  pipelineStages: 50,
  /** Email addresses of one contact. */
  contactEmails: 20,
  /** Phone numbers of one contact. */
  contactPhones: 20,
  /** Social profiles of one contact. */
  contactSocialProfiles: 20,
  /** Participants of one meeting. */
  meetingParticipants: 100,
  /** Contacts added to or removed from a campaign in one command. */
  campaignMembersPerCommand: 1000,
} as const;

export type RecordLimit = keyof typeof RECORD_LIMITS;

/** The details a `*_TOO_MANY` refusal carries: which collection, its limit, what it holds. */
export const limitDetails = (
  field: string,
  limit: RecordLimit,
  count: number,
): Record<string, unknown> => ({ field, limit: RECORD_LIMITS[limit], count });

/** Whether adding one more item to a collection of `count` would pass `limit`. */
export const isFull = (count: number, limit: RecordLimit): boolean => count >= RECORD_LIMITS[limit];
