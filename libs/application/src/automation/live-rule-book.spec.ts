import { createSqliteEventStore, EventStore } from '@crm/event-store';
import { processPrincipal } from '../command-context';
import { LiveRuleBook } from './live-rule-book';
import { RuleRegistry } from './rule-registry';

/** The store, counting the events its stream reads hand back. */
const counting = (store: EventStore) => {
  const read = { events: 0 };
  const wrapped: EventStore = Object.create(store);
  wrapped.readStream = async (...args) => {
    const events = await store.readStream(...args);
    read.events += events.length;
    return events;
  };
  return { store: wrapped, read };
};

const rule = {
  name: 'Tag new contacts',
  trigger: { eventType: 'ContactCreated' },
  actions: [{ command: 'TagContact', data: { contactId: '{{event.recordId}}', tag: 'new' } }],
};

describe('LiveRuleBook', () => {
  it('reads only what the rule streams gained since the last refresh', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    const registry = new RuleRegistry(store);
    const by = processPrincipal('test');
    const first = await registry.create('acme', rule, by);
    await registry.create('globex', rule, by);
    const { store: watched, read } = counting(store);
    const live = new LiveRuleBook(watched);

    expect((await live.refresh()).all().map((kept) => kept.tenantId)).toEqual(['acme', 'globex']);
    // Two tenants added, one rule each.
    expect(read.events).toBe(4);

    read.events = 0;
    await live.refresh();
    expect(read.events).toBe(0);

    await registry.setEnabled('acme', first.id, false, by);
    const book = await live.refresh();
    expect(read.events).toBe(1);
    expect(book.get(first.id)?.view.enabled).toBe(false);
    expect(book.acting('acme', 'ContactCreated')).toEqual([]);
    expect(book.acting('globex', 'ContactCreated')).toHaveLength(1);
    await store.close();
  });
});
