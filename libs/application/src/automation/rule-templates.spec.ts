import { renderTemplates, TemplateScope } from './rule-templates';

const scope: TemplateScope = {
  event: {
    id: 'e1',
    type: 'DealWon',
    recordId: 'd1',
    recordedAt: '2026-03-02T09:00:00.000Z',
    actorId: 'user-1',
    data: {
      dealId: 'd1',
      wonAt: '2026-03-02T09:00:00.000Z',
      amount: { amount: 5, currency: 'EUR' },
    },
  },
  record: { title: 'Engines', ownerId: 'rep-7' },
  rule: { id: 'rule_1' },
  action: { runAt: '2026-03-02T09:00:00.000Z' },
};

describe('rule templates', () => {
  it('fills whole-value templates with the value as it is, text templates into the text', () => {
    expect(
      renderTemplates(
        {
          title: 'Call about {{record.title}} for {{ record.ownerId }}',
          amount: '{{event.data.amount}}',
          dueAt: '{{event.data.wonAt + P3D}}',
          ref: { id: '{{event.data.dealId}}' },
          missing: '{{record.nothing}}',
        },
        scope,
      ),
    ).toEqual({
      title: 'Call about Engines for rep-7',
      amount: { amount: 5, currency: 'EUR' },
      dueAt: '2026-03-05T09:00:00.000Z',
      ref: { id: 'd1' },
    });
  });
});
