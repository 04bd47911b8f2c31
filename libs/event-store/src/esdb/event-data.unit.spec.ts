import { EventToAppend } from '../event-store';
import { toEventData } from './event-data';

describe('event to append -> client event data', () => {
  const event: EventToAppend = {
    id: '0b6f0d3e-2f4b-4f0e-8a5e-6f0c9f1d2e3a',
    type: 'CustomerRegistered.v1',
    data: { name: 'Ada', $special: 'kept' },
    metadata: { $correlationId: 'corr', $causationId: 'cause', tenantId: 't-1' },
  };

  it('passes the id through, so the server deduplicates a retried append', () => {
    expect(toEventData(event).id).toBe(event.id);
    expect(toEventData(event).id).toBe(toEventData(event).id);
  });

  it('is a JSON event with type, data and metadata as given', () => {
    expect(toEventData(event)).toEqual({
      id: event.id,
      contentType: 'application/json',
      type: 'CustomerRegistered.v1',
      data: { name: 'Ada', $special: 'kept' },
      metadata: { $correlationId: 'corr', $causationId: 'cause', tenantId: 't-1' },
    });
  });
});
