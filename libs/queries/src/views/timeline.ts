import { ReadModels } from '../read-models';
import { readCollections } from './read-model-collections';
import { readTimeline, TimelineOptions, TimelinePage } from './timeline-page';
import { timelineSourcesFor, TimelineSubject } from './timeline-sources';

/**
 * The timeline of a contact, an account or a deal, newest first, one page at a time; null when
 * the record does not exist for the tenant. A bad `before` cursor throws
 * InvalidTimelineCursorError.
 */
export const timeline = async (
  readModels: ReadModels,
  tenantId: string,
  subject: TimelineSubject,
  options: TimelineOptions = {},
): Promise<TimelinePage | null> => {
  const collections = readCollections(readModels);
  const sources = await timelineSourcesFor(collections, tenantId, subject);
  return sources === null ? null : readTimeline(collections, tenantId, sources, options);
};
