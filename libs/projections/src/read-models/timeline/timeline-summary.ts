import { TimelineFactKind, TimelineFactsByKind, TimelineFactValues } from './timeline-fact-kinds';
import { NAMES_BY_ID, TimelineNames, Wording, words } from './timeline-wording';
import { TimelineEntryDocument } from './timeline.document';
import { accountWording } from './facts/account.timeline';
import { campaignWording } from './facts/campaign.timeline';
import { contactWording } from './facts/contact.timeline';
import { dealWording } from './facts/deal.timeline';
import { interactionWording } from './facts/interaction.timeline';
import { leadWording } from './facts/lead.timeline';
import { quoteWording } from './facts/quote.timeline';
import { taskWording } from './facts/task.timeline';
import { ticketWording } from './facts/ticket.timeline';

/** The line of every kind of timeline fact, worded in each aggregate's facts file. */
const timelineWording: Wording<TimelineFactsByKind> = {
  ...accountWording,
  ...campaignWording,
  ...contactWording,
  ...dealWording,
  ...interactionWording,
  ...leadWording,
  ...quoteWording,
  ...taskWording,
  ...ticketWording,
};

/** What an entry of version 1 of the projection held: its line, already worded. */
type WordedEntry = { summary?: unknown };

/**
 * The entry's line, worded now from its facts. An entry written before facts were kept (read
 * while the new version is rebuilt) answers the line it stored.
 */
export const timelineSummary = (
  entry: Pick<TimelineEntryDocument, 'type' | 'facts'>,
  names: TimelineNames = NAMES_BY_ID,
): string => {
  const stored = (entry as WordedEntry).summary;
  if (entry.facts === undefined && typeof stored === 'string') return stored;
  if (!Object.hasOwn(timelineWording, entry.type)) return words(entry.type);
  // The entry's type says which kind of facts it holds: the cast pairs them.
  const wordingOf = timelineWording[entry.type as TimelineFactKind] as (
    facts: TimelineFactValues,
    names: TimelineNames,
  ) => string;
  return wordingOf(entry.facts, names);
};
