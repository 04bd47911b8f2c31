import { CommandContext, CommandResult, IntentFor } from '@crm/application';
import { AggregateKind, CreateContact, RegisterAccount } from '@crm/domain';
import { randomUUID } from 'node:crypto';
import { CommandSender } from '../../apps/api/src/http/command-sender';
import { ACTOR, TENANT, TestApp } from './test-app';

/**
 * Seeding records for end-to-end suites without going through another group's HTTP endpoints:
 * the domain command goes straight onto the app's CommandBus (preparers and deciders still run).
 */

/** A command context as the HTTP layer would build it, for the default test tenant and actor. */
export const directContext = (overrides: Partial<CommandContext> = {}): CommandContext => {
  const commandId = randomUUID();
  return {
    tenantId: TENANT,
    actorId: ACTOR,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    ...overrides,
  };
};

/** Sends one domain command for one record through the running app. */
export const sendDirect = <K extends AggregateKind>(
  t: TestApp,
  kind: K,
  recordId: string,
  intent: IntentFor<K>,
  context: CommandContext = directContext(),
): Promise<CommandResult> => t.app.get(CommandSender).send(kind, recordId, intent, context);

/** Creates a contact (a fresh id unless given) and returns its id. */
export const createContact = async (
  t: TestApp,
  data: Partial<CreateContact['data']> = {},
  context?: CommandContext,
): Promise<string> => {
  const contactId = data.contactId ?? `contact-${randomUUID()}`;
  await sendDirect(
    t,
    'contact',
    contactId,
    {
      type: 'CreateContact',
      data: { firstName: 'Ada', lastName: 'Lovelace', emails: [], phones: [], ...data, contactId },
    },
    context,
  );
  return contactId;
};

/** Registers an account (a fresh id unless given) and returns its id. */
export const registerAccount = async (
  t: TestApp,
  data: Partial<RegisterAccount['data']> = {},
  context?: CommandContext,
): Promise<string> => {
  const accountId = data.accountId ?? `account-${randomUUID()}`;
  await sendDirect(
    t,
    'account',
    accountId,
    { type: 'RegisterAccount', data: { name: 'Analytical Engines Ltd', ...data, accountId } },
    context,
  );
  return accountId;
};
