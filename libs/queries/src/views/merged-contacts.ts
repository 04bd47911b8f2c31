import { ContactDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { ownDocuments } from './tenant-documents';

/** The most contacts one 360 view gathers through merges. */
export const MERGED_CONTACTS_LIMIT = 200;

/**
 * The contacts merged into `contact`, also through earlier merges (A into B, then B into C: C
 * gathers B and A), oldest merge first, never the contact itself.
 */
export const mergedContactIdsOf = async (
  contacts: DocumentCollection<ContactDocument>,
  contact: ContactDocument,
): Promise<string[]> => {
  const seen = new Set<string>([contact.contactId]);
  const merged: string[] = [];
  let next = contact.mergedContactIds;
  while (next.length > 0 && merged.length < MERGED_CONTACTS_LIMIT) {
    const fresh = next
      .filter((id) => !seen.has(id))
      .slice(0, MERGED_CONTACTS_LIMIT - merged.length);
    for (const id of fresh) seen.add(id);
    merged.push(...fresh);
    const documents = await ownDocuments(contacts, contact.tenantId, fresh);
    next = [...documents.values()].flatMap((document) => document.mergedContactIds);
  }
  return merged;
};
