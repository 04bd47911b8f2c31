import { DomainEventType } from '@crm/domain';
import { createEventSchemaRegistry } from '@crm/event-store';
import { EVENT_VERSIONS, eventUpcasters } from '../event-upcasters';
import {
  dealAmountChangedV1toV2,
  dealOpenedV1toV2,
  leadConvertedV1toV2,
  quoteLineV1toV2,
} from './money.upcasters';

describe('money upcasters (v1 → v2)', () => {
  it('turn major-unit amounts into integer minor units of the currency', () => {
    expect(dealOpenedV1toV2({ dealId: 'd', amount: { amount: 19.99, currency: 'EUR' } })).toEqual({
      dealId: 'd',
      amount: { amountMinor: 1999, currency: 'EUR' },
    });
    expect(
      dealAmountChangedV1toV2({
        previousAmount: { amount: 1500, currency: 'JPY' },
        amount: { amount: 1.234, currency: 'KWD' },
      }),
    ).toEqual({
      previousAmount: { amountMinor: 1500, currency: 'JPY' },
      amount: { amountMinor: 1234, currency: 'KWD' },
    });
  });

  it('reach nested amounts, and leave a conversion without a deal alone', () => {
    expect(
      quoteLineV1toV2({ line: { lineId: 'l', unitPrice: { amount: 0.1, currency: 'EUR' } } }),
    ).toEqual({ line: { lineId: 'l', unitPrice: { amountMinor: 10, currency: 'EUR' } } });
    expect(leadConvertedV1toV2({ leadId: 'l' })).toEqual({ leadId: 'l' });
    expect(
      leadConvertedV1toV2({ deal: { dealId: 'd', amount: { amount: 5, currency: 'EUR' } } }),
    ).toEqual({ deal: { dealId: 'd', amount: { amountMinor: 500, currency: 'EUR' } } });
  });

  it('refuse, never round, an amount that is not a whole number of minor units', () => {
    expect(() => dealOpenedV1toV2({ amount: { amount: 10.005, currency: 'EUR' } })).toThrow(
      'amount 10.005 EUR is not an exact amount in minor units',
    );
    expect(() => dealOpenedV1toV2({ amount: { amount: 0.5, currency: 'JPY' } })).toThrow(
      'not an exact amount',
    );
    expect(() => dealOpenedV1toV2({ amount: { amount: 1e14, currency: 'EUR' } })).toThrow(
      'not an exact amount',
    );
    expect(() => dealOpenedV1toV2({ amount: 12 })).toThrow('not a v1 amount');
  });

  it('make the schema registry write every event at the version EVENT_VERSIONS names', () => {
    const registry = createEventSchemaRegistry(eventUpcasters);
    const types = Object.keys(EVENT_VERSIONS) as DomainEventType[];
    expect(types.filter((type) => registry.currentVersion(type) !== EVENT_VERSIONS[type])).toEqual(
      [],
    );
    expect(registry.currentVersion('DealOpened')).toBe(2);
  });
});
