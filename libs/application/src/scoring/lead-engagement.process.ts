import {
  contactDecider,
  ContactEvent,
  LeadEvent,
  leadDecider,
  RecordLeadEngagement,
} from '@crm/domain';
import { EventSerializer, EventStore, StoredEvent } from '@crm/event-store';
import { LeadDocument, leadsProjection } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { concatMap, filter, from, Observable } from 'rxjs';
import { CommandRequest } from '../processes/command-request';
import { processCommandContext } from '../processes/process-command-context';
import { ProcessDefinition } from '../processes/process-definition';
import { streamNameFor } from '../stream-name';
import { ContactEngagement, ENGAGEMENT_EVENT_TYPES, engagementOf } from './engagement-of';
import { streamStateBefore } from './stream-state-before';

export const LEAD_ENGAGEMENT_PROCESS = 'lead-engagement';

export type LeadEngagementDeps = {
  store: EventStore;
  serializer: EventSerializer;
  documents: DocumentStore;
  /** Resolves once every read model has applied the position. */
  readModelsAt: (position: bigint) => Promise<void>;
};

/** The contact's email addresses in lower case, as they were just before the engagement. */
const contactEmailsBefore = async (
  { store, serializer }: LeadEngagementDeps,
  event: StoredEvent,
  contactId: string,
): Promise<string[]> => {
  const stream = streamNameFor('contact', event.metadata.tenantId, contactId);
  const contact = await streamStateBefore<
    ReturnType<typeof contactDecider.initialState>,
    ContactEvent
  >(store, serializer, contactDecider, stream, event.position);
  return contact.exists ? contact.emails.map((email) => email.address.toLowerCase()) : [];
};

/**
 * The leads with one of the emails that were open just before the engagement. The leads read
 * model names the candidates once it has reached the engagement (a lead captured before it is in
 * there); each candidate's own stream says whether it existed and was open at that point.
 */
const openLeadsBefore = async (
  deps: LeadEngagementDeps,
  event: StoredEvent,
  emails: string[],
): Promise<string[]> => {
  await deps.readModelsAt(event.position);
  const physical = await deps.documents.activeGeneration(leadsProjection.name);
  if (physical === undefined) throw new Error('the leads read model is not built yet');
  const tenantId = event.metadata.tenantId;
  const candidates = await deps.documents
    .collection<LeadDocument>(physical)
    .find({ tenantId, _email: { $in: emails } });
  const open: string[] = [];
  for (const leadId of candidates.map((lead) => lead.leadId).sort()) {
    const stream = streamNameFor('lead', tenantId, leadId);
    const lead = await streamStateBefore<ReturnType<typeof leadDecider.initialState>, LeadEvent>(
      deps.store,
      deps.serializer,
      leadDecider,
      stream,
      event.position,
    );
    if (lead.exists && (lead.status === 'new' || lead.status === 'qualified')) open.push(leadId);
  }
  return open;
};

const recordEngagement = (
  event: StoredEvent,
  leadId: string,
  { kind, at }: ContactEngagement,
): CommandRequest<'lead'> => {
  const data: RecordLeadEngagement['data'] = { leadId, kind, at, sourceEventId: event.id };
  const intent = { type: 'RecordLeadEngagement' as const, data };
  const key = `${LEAD_ENGAGEMENT_PROCESS}:${event.id}:${leadId}`;
  return {
    kind: 'lead',
    recordId: leadId,
    intent,
    context: processCommandContext(LEAD_ENGAGEMENT_PROCESS, event, key, intent),
  };
};

/**
 * A contact's engagement (a campaign touch opened, clicked or responded to, a call or meeting
 * logged, an inbound email) counts for the tenant's leads open at the time whose email is one of
 * the contact's, ignoring case. Keys are the engagement event and the lead, so a replay after a
 * crash records nothing twice.
 */
export const leadEngagementProcess = (deps: LeadEngagementDeps): ProcessDefinition => {
  const commandsFor = async (event: StoredEvent): Promise<CommandRequest[]> => {
    const engagement = engagementOf(event);
    if (!engagement) return [];
    const emails = await contactEmailsBefore(deps, event, engagement.contactId);
    if (emails.length === 0) return [];
    const leadIds = await openLeadsBefore(deps, event, emails);
    return leadIds.map((leadId) => recordEngagement(event, leadId, engagement));
  };
  return {
    name: LEAD_ENGAGEMENT_PROCESS,
    handles: (eventType) => ENGAGEMENT_EVENT_TYPES.has(eventType),
    saga: (events$: Observable<StoredEvent>) =>
      events$.pipe(
        filter((event) => ENGAGEMENT_EVENT_TYPES.has(event.type)),
        concatMap((event) => from(commandsFor(event))),
        concatMap((requests) => from(requests)),
      ),
  };
};
