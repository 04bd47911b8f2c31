/**
 * Tags are labels people type: `VIP`, `vip` and ` vip ` are one tag. A record keeps the spelling
 * it was first tagged with; adding another spelling is a no-op and removing one removes it.
 */
const tagKey = (tag: string): string => tag.trim().toLowerCase();

/** The record's own spelling of `tag`, or undefined when it does not carry it. */
export const findTag = (tags: readonly string[], tag: string): string | undefined => {
  const key = tagKey(tag);
  return tags.find((candidate) => tagKey(candidate) === key);
};
