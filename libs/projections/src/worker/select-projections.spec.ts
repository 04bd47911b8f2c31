import { allProjections } from '../read-models/all-projections';
import { selectProjections, UnknownProjectionError } from './select-projections';

describe('selectProjections', () => {
  it('every projection when nothing is named', () => {
    expect(selectProjections(undefined)).toEqual(allProjections);
    expect(selectProjections(' , ')).toEqual(allProjections);
  });

  it('the named ones, in canonical order, spaces and repeats ignored', () => {
    expect(selectProjections(' timeline, contacts ,contacts').map((p) => p.name)).toEqual([
      'contacts',
      'timeline',
    ]);
  });

  it('an unknown name is an error listing the valid names', () => {
    const attempt = () => selectProjections('contacts,contcts,dealz');
    expect(attempt).toThrow(UnknownProjectionError);
    expect(attempt).toThrow(/unknown projection\(s\): contcts, dealz; valid names are: .*contacts/);
    try {
      attempt();
    } catch (error) {
      expect((error as UnknownProjectionError).valid).toEqual(allProjections.map((p) => p.name));
    }
  });
});
