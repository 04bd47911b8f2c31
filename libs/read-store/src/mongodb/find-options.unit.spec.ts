import { findOptionsFor, sortWithTiebreak } from './find-options';

describe('findOptionsFor', () => {
  it('no options, no cursor options: natural order, every document', () => {
    expect(findOptionsFor()).toEqual({});
    expect(findOptionsFor({})).toEqual({});
  });

  it('passes sort, skip, limit and projection through; a limit of 0 stays "no limit"', () => {
    expect(
      findOptionsFor({ sort: { amount: -1 }, skip: 2, limit: 0, projection: { name: 1, _id: 0 } }),
    ).toEqual({ sort: { amount: -1, _id: 1 }, skip: 2, limit: 0, projection: { name: 1, _id: 0 } });
  });
});

describe('sortWithTiebreak', () => {
  it('breaks ties by _id after the given keys, keeping their order', () => {
    const sort = sortWithTiebreak({ tenantId: 1, amount: -1 }, false);
    expect(sort).toEqual({ tenantId: 1, amount: -1, _id: 1 });
    expect(Object.keys(sort ?? {})).toEqual(['tenantId', 'amount', '_id']);
  });

  it('leaves a sort that names _id as it is', () => {
    expect(sortWithTiebreak({ _id: -1 }, true)).toEqual({ _id: -1 });
    expect(sortWithTiebreak({ city: 1, _id: -1 }, false)).toEqual({ city: 1, _id: -1 });
  });

  it('orders a page by _id when no sort is given, and leaves an unpaged query unsorted', () => {
    expect(sortWithTiebreak(undefined, true)).toEqual({ _id: 1 });
    expect(sortWithTiebreak({}, true)).toEqual({ _id: 1 });
    expect(sortWithTiebreak(undefined, false)).toBeUndefined();
  });
});
