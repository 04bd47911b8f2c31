import { RecordRef } from '@crm/domain';
import { CommandPreparer } from './command-preparer';
import { dataOf, ReferenceField, requireReferences } from './references';

/** A preparer that only checks that the records named in the data exist. */
const requiring =
  (references: readonly ReferenceField[]): CommandPreparer =>
  async (command, _context, lookup) => {
    await requireReferences(dataOf(command), references, lookup);
    return command;
  };

export const prepareInteractionCommand = requiring([
  { field: 'contactId', kind: 'contact' },
  { field: 'accountId', kind: 'account' },
  { field: 'dealId', kind: 'deal' },
  { field: 'ticketId', kind: 'ticket' },
]);

export const prepareTicketCommand = requiring([
  { field: 'contactId', kind: 'contact' },
  { field: 'accountId', kind: 'account' },
]);

export const prepareTaskCommand: CommandPreparer = async (command, _context, lookup) => {
  const relatedTo = dataOf(command).relatedTo as RecordRef | undefined;
  if (relatedTo) await lookup.require('relatedTo.id', relatedTo.kind, relatedTo.id);
  return command;
};

export const prepareCampaignCommand: CommandPreparer = async (command, _context, lookup) => {
  const data = dataOf(command);
  if (command.type === 'AddCampaignMembers' && Array.isArray(data.contactIds)) {
    const contactIds = data.contactIds as string[];
    const found = await Promise.all(
      [...new Set(contactIds)].map(async (id) => [id, await lookup.exists('contact', id)] as const),
    );
    const missing = new Set(found.filter(([, exists]) => !exists).map(([id]) => id));
    const index = contactIds.findIndex((id) => missing.has(id));
    if (index >= 0) await lookup.require(`contactIds[${index}]`, 'contact', contactIds[index]);
  }
  return command;
};
