import { StoredEvent } from '@crm/event-store';
import { Observable } from 'rxjs';
import { CommandRequest } from './command-request';

/**
 * A process manager: which events it reacts to, and a saga in @nestjs/cqrs's shape (an rxjs
 * pipeline from events to commands). The runner feeds it from the event store's subscription,
 * not from the in-memory EventBus, so no event is lost to a crash.
 */
export type ProcessDefinition = {
  name: string;
  handles: (eventType: string) => boolean;
  saga: (events$: Observable<StoredEvent>) => Observable<CommandRequest>;
};
