import { TimelineFactKind, TimelineFactsByKind, TimelineFactValues } from './timeline-fact-kinds';
import { NAMES_BY_ID, TimelineNames, Wording, words } from './timeline-wording';
import { TimelineEntryDocument } from './timeline.document';
import { accountWording } from './wording/account.wording';
import { campaignWording } from './wording/campaign.wording';
import { contactWording } from './wording/contact.wording';
import { dealWording } from './wording/deal.wording';
import { interactionWording } from './wording/interaction.wording';
import { leadWording } from './wording/lead.wording';
import { quoteWording } from './wording/quote.wording';
import { taskWording } from './wording/task.wording';
import { ticketWording } from './wording/ticket.wording';

/** The line of every kind of timeline fact, one file of wording per aggregate. */
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
