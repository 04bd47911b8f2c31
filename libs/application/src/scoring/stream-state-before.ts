import { DomainEvent } from '@crm/domain';
import { EventSerializer, EventStore } from '@crm/event-store';

/**
 * A record's state just before a point of the log, folded from its own stream: what the record
 * was when an event elsewhere happened, however far it has moved on since.
 */
export const streamStateBefore = async <S, E extends DomainEvent>(
  store: EventStore,
  serializer: EventSerializer,
  decider: { initialState: () => S; evolve: (state: S, event: E) => S },
  streamName: string,
  position: bigint,
): Promise<S> => {
  let state = decider.initialState();
  for (const recorded of await store.readStream(streamName)) {
    if (recorded.position >= position) break;
    state = decider.evolve(state, serializer.deserialize<E>(recorded));
  }
  return state;
};
