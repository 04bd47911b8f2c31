import { account360, listAccounts } from '@crm/queries';
import { record360ViewsController } from '../queries/record-360-views.controller';
import { ListAccountsQuery } from './list-accounts-query.dto';

/** The account queries: list, account now or as of a moment, 360 and timeline. */
export const AccountViewsController = record360ViewsController({
  name: 'AccountViewsController',
  kind: 'account',
  path: 'accounts',
  list: {
    summary: 'List accounts by name, filtered by name, tag, owner or status',
    query: ListAccountsQuery,
    run: listAccounts,
  },
  summaries: {
    get: 'An account, now or as of a past moment',
    view360:
      'Everything about an account: contacts, deals, lifetime value, open tickets with SLA, interactions, next task, latest timeline; now or as of a past moment',
    timeline: "An account's timeline (with its deals' and tickets'), newest first, paged by cursor",
  },
  view360: account360,
  timelineOf: (accountId) => ({ accountId }),
});
