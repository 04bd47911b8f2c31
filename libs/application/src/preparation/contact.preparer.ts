import { ContactState, ruleBroken } from '@crm/domain';
import { CommandPreparer } from './command-preparer';
import { dataOf, requireReferences } from './references';

export const prepareContactCommand: CommandPreparer = async (command, _context, lookup) => {
  const data = dataOf(command);
  await requireReferences(data, [{ field: 'accountId', kind: 'account' }], lookup);
  if (command.type === 'MergeContact' && typeof data.survivorId === 'string') {
    await lookup.require('survivorId', 'contact', data.survivorId);
    const survivor = await lookup.state<ContactState>('contact', data.survivorId);
    if (survivor.exists && survivor.status === 'merged') {
      throw ruleBroken('CONTACT_SURVIVOR_MERGED', `contact ${data.survivorId} was itself merged`, {
        survivorId: data.survivorId,
        mergedInto: survivor.survivorId,
      });
    }
  }
  return command;
};
