import { answerMoney } from './money-answers';
import { viewOf } from './view-json';

describe('money in answers', () => {
  it('turns every minor-unit amount of a document into major units, however deep', () => {
    expect(
      answerMoney({
        total: { amountMinor: 1250, currency: 'EUR' },
        lines: [{ unitPrice: { amountMinor: 1234, currency: 'KWD' }, quantity: 2 }],
        yen: { amountMinor: 500, currency: 'JPY' },
      }),
    ).toEqual({
      total: { amount: 12.5, currency: 'EUR' },
      lines: [{ unitPrice: { amount: 1.234, currency: 'KWD' }, quantity: 2 }],
      yen: { amount: 500, currency: 'JPY' },
    });
  });

  it('leaves objects that are not exactly an amount alone', () => {
    const other = { amountMinor: 5, currency: 'EUR', note: 'not money' };
    expect(answerMoney({ other, n: null, tags: ['a'] })).toEqual({ other, n: null, tags: ['a'] });
  });

  it('is what a view answers, without the store fields', () => {
    expect(
      viewOf({ _id: 'acme:d-1', _position: 4, amount: { amountMinor: 99, currency: 'USD' } }),
    ).toEqual({ amount: { amount: 0.99, currency: 'USD' } });
  });
});
