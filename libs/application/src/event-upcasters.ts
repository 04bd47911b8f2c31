import { Upcaster } from '@crm/event-store';

/**
 * Every upcaster of an old event version, oldest first. Adding a field to an event means a new
 * version: bump it here with a function from the old data to the new, and add a golden fixture.
 */
export const eventUpcasters: Upcaster[] = [];
