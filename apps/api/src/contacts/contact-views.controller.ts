import { contact360, listContacts } from '@crm/queries';
import { record360ViewsController } from '../queries/record-360-views.controller';
import { ListContactsQuery } from './list-contacts-query.dto';

/** The contact queries: list, contact now or as of a moment, 360 and timeline. */
export const ContactViewsController = record360ViewsController({
  name: 'ContactViewsController',
  kind: 'contact',
  path: 'contacts',
  list: {
    summary: 'List contacts by name, filtered by name, email, tag, owner or account',
    query: ListContactsQuery,
    run: listContacts,
  },
  summaries: {
    get: 'A contact, now or as of a past moment',
    view360:
      'Everything about a contact: account, lead, deals, lifetime value, open tickets with SLA, campaigns, interactions, next task, latest timeline; now or as of a past moment',
    timeline: "A contact's timeline (with its deals' and tickets'), newest first, paged by cursor",
  },
  view360: contact360,
  timelineOf: (contactId) => ({ contactId }),
});
