import Database from 'better-sqlite3';
import { ContactRef } from './command-mix';

/** The contacts of a tenant, with their account, read straight from the log's creation events. */
export const contactsOf = (eventsPath: string, tenantId: string): ContactRef[] => {
  const db = new Database(eventsPath);
  try {
    const rows = db
      .prepare(
        `SELECT json_extract(data, '$.contactId') AS contactId,
                json_extract(data, '$.accountId') AS accountId
         FROM events WHERE type = 'ContactCreated.v1' AND stream_name LIKE ?`,
      )
      .all(`contact-${tenantId}.%`) as { contactId: string; accountId: string | null }[];
    return rows.map((row) =>
      row.accountId === null
        ? { contactId: row.contactId }
        : { contactId: row.contactId, accountId: row.accountId },
    );
  } finally {
    db.close();
  }
};
