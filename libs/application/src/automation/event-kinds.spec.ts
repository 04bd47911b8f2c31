import { DomainEventType, isAggregateKind } from '@crm/domain';
import { EVENT_FIELDS } from './event-fields';
import { kindOfEventType } from './event-kinds';
import { RECORD_FIELDS } from './record-fields';

describe('the record kind of each event type', () => {
  it('names a kind with a field table for every event type', () => {
    const types = Object.keys(EVENT_FIELDS) as DomainEventType[];
    expect(types.length).toBeGreaterThan(60);
    const kinds = types.map(kindOfEventType);
    expect(kinds.filter((kind) => !isAggregateKind(kind) || !(kind in RECORD_FIELDS))).toEqual([]);
  });

  it('takes the kind from the name, and interactions from what was logged', () => {
    expect(kindOfEventType('DealWon')).toBe('deal');
    expect(kindOfEventType('ContactTagged')).toBe('contact');
    expect(kindOfEventType('CallLogged')).toBe('interaction');
  });
});
