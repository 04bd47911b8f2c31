import { PROCESS_NAMES } from '../processes/process-managers';
import { runnableEntry } from './catalogued-command';
import { commandCatalogue, commandTypes } from './command-catalogue';

describe('commands followed by process managers', () => {
  const declared = commandTypes.flatMap((type) =>
    (runnableEntry(commandCatalogue[type].kind, type).followedBy ?? []).map((name) => ({
      type,
      name,
    })),
  );

  it('name only process managers that exist', () => {
    const known = new Set(PROCESS_NAMES);
    expect(declared.filter(({ name }) => !known.has(name))).toEqual([]);
  });

  it('include the lead conversion, whose answer covers the records it creates', () => {
    expect(declared).toContainEqual({ type: 'ConvertLead', name: 'lead-conversion' });
  });
});
