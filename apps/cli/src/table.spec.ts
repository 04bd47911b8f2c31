import { formatTable } from './table';

describe('formatTable', () => {
  it('pads text left and the listed columns right', () => {
    expect(
      formatTable(
        [
          ['name', 'lag'],
          ['accounts', '0'],
          ['timeline', '1234'],
        ],
        [1],
      ),
    ).toEqual(['name       lag', 'accounts     0', 'timeline  1234']);
  });
});
