import { isSystemEvent } from './system-events';

describe('system event filter', () => {
  it.each([
    ['$stats-127.0.0.1:2113', '$statistics-collected'],
    ['$$customer-1', '$metadata'],
    ['$ce-customer', '$>'],
    ['customer-1', '$>'],
    ['$projections-$all', 'ProjectionUpdated'],
  ])('leaves out %s / %s', (streamId, type) => {
    expect(isSystemEvent({ streamId, type })).toBe(true);
  });

  it.each([
    ['customer-1', 'CustomerRegistered.v1'],
    ['contract_any-0f3c', 'ContractEventAppended.v1'],
    ['deal-$1', 'Deal$Won'],
  ])('keeps %s / %s', (streamId, type) => {
    expect(isSystemEvent({ streamId, type })).toBe(false);
  });
});
