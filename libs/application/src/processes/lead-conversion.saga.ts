import {
  accountSizeFor,
  AggregateKind,
  LeadContact,
  LeadConverted,
  RegisterAccount,
  toMoneyInput,
} from '@crm/domain';
import { StoredEvent } from '@crm/event-store';
import { createHash } from 'node:crypto';
import { concatMap, filter, from, Observable } from 'rxjs';
import { CommandContext, processPrincipal } from '../command-context';
import { IntentFor } from '../catalogue/command-catalogue';
import { CommandRequest } from './command-request';
import { ProcessDefinition } from './process-definition';

type ConvertedEvent = StoredEvent<LeadConverted>;

/** Context of a command the conversion issues: caused by the LeadConverted event, keyed by it. */
const contextFor = (event: ConvertedEvent, step: string, command: object): CommandContext => {
  const idempotencyKey = `lead-conversion:${event.id}:${step}`;
  const principal = processPrincipal('lead-conversion', event.metadata.principal);
  return {
    tenantId: event.metadata.tenantId,
    actorId: principal.subject,
    principal,
    commandId: idempotencyKey,
    correlationId: event.metadata.$correlationId,
    causationId: event.id,
    idempotencyKey,
    requestHash: createHash('sha256').update(JSON.stringify(command)).digest('hex'),
  };
};

const request = <K extends AggregateKind>(
  event: ConvertedEvent,
  step: string,
  kind: K,
  recordId: string,
  intent: IntentFor<K>,
): CommandRequest<K> => ({ kind, recordId, intent, context: contextFor(event, step, intent) });

/** What the lead says of its company, for the account the conversion creates. */
const companyProfile = (
  contact: LeadContact,
): Pick<RegisterAccount['data'], 'industry' | 'size' | 'address'> => {
  const size = contact.companySize === undefined ? undefined : accountSizeFor(contact.companySize);
  return {
    ...(contact.industry !== undefined && { industry: contact.industry }),
    ...(size !== undefined && { size }),
    ...(contact.country !== undefined && { address: { country: contact.country } }),
  };
};

/** The records a converted lead becomes, in the order their references need. */
export const conversionCommands = (event: ConvertedEvent): CommandRequest[] => {
  const { leadId, contactId, account, deal, contact, ownerId } = event.data;
  const requests: CommandRequest[] = [];
  if (account?.createWithName) {
    requests.push(
      request(event, 'account', 'account', account.accountId, {
        type: 'RegisterAccount',
        data: {
          accountId: account.accountId,
          name: account.createWithName,
          ownerId,
          ...companyProfile(contact),
        },
      }),
    );
  }
  requests.push(
    request(event, 'contact', 'contact', contactId, {
      type: 'CreateContact',
      data: {
        contactId,
        firstName: contact.firstName,
        lastName: contact.lastName,
        emails: contact.email ? [{ address: contact.email, primary: true }] : [],
        phones: contact.phone ? [{ number: contact.phone }] : [],
        title: contact.title,
        ownerId,
        accountId: account?.accountId,
        origin: { leadId },
      },
    }),
  );
  if (deal) {
    requests.push(
      request(event, 'deal', 'deal', deal.dealId, {
        type: 'OpenDeal',
        data: {
          dealId: deal.dealId,
          title: deal.title,
          accountId: account?.accountId,
          contactId,
          amount: toMoneyInput(deal.amount),
          pipelineId: deal.pipelineId,
          stageId: deal.stageId,
          expectedCloseDate: deal.expectedCloseDate,
          ownerId: ownerId ?? event.metadata.actorId,
          origin: { leadId },
        },
      }),
    );
  }
  return requests;
};

/** Lead conversion as a process manager: LeadConverted in, the contact, account and deal out. */
export const leadConversionProcess: ProcessDefinition = {
  name: 'lead-conversion',
  handles: (eventType) => eventType === 'LeadConverted',
  saga: (events$: Observable<StoredEvent>) =>
    events$.pipe(
      filter((event): event is ConvertedEvent => event.type === 'LeadConverted'),
      concatMap((event) => from(conversionCommands(event))),
    ),
};
