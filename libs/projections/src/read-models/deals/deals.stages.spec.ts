import { projectOne, opened, moved, won, lost, reopened } from './deals.fixtures';

describe('deals projection: stages, outcomes and reopenings', () => {
  it('DealStageMoved closes the stay in the old stage and opens one in the new', () => {
    const deal = projectOne([
      opened(),
      moved('stage-discovery', 'stage-proposal', 0.5, '2026-01-10T09:00:00.000Z'),
      moved('stage-proposal', 'stage-discovery', 0.1, '2026-01-12T09:00:00.000Z'),
      moved('stage-discovery', 'stage-proposal', 0.5, '2026-01-20T09:00:00.000Z'),
    ]);
    expect(deal).toMatchObject({
      stageId: 'stage-proposal',
      probability: 0.5,
      stageEnteredAt: '2026-01-20T09:00:00.000Z',
      stageHistory: [
        {
          stageId: 'stage-discovery',
          enteredAt: '2026-01-05T09:00:00.000Z',
          leftAt: '2026-01-10T09:00:00.000Z',
        },
        {
          stageId: 'stage-proposal',
          enteredAt: '2026-01-10T09:00:00.000Z',
          leftAt: '2026-01-12T09:00:00.000Z',
        },
        {
          stageId: 'stage-discovery',
          enteredAt: '2026-01-12T09:00:00.000Z',
          leftAt: '2026-01-20T09:00:00.000Z',
        },
        { stageId: 'stage-proposal', enteredAt: '2026-01-20T09:00:00.000Z' },
      ],
    });
  });

  it('DealWon closes the deal with its won amount and keeps the last stay open', () => {
    const deal = projectOne([
      opened(),
      moved('stage-discovery', 'stage-proposal', 0.5, '2026-01-10T09:00:00.000Z'),
      won('2026-02-01T12:00:00.000Z', { amountMinor: 1100000, currency: 'EUR' }),
    ]);
    expect(deal).toMatchObject({
      status: 'won',
      closedAt: '2026-02-01T12:00:00.000Z',
      wonAt: '2026-02-01T12:00:00.000Z',
      amount: { amountMinor: 1100000, currency: 'EUR' },
      stageId: 'stage-proposal',
      stageEnteredAt: '2026-01-10T09:00:00.000Z',
    });
    expect(deal?.stageHistory[1]).toEqual({
      stageId: 'stage-proposal',
      enteredAt: '2026-01-10T09:00:00.000Z',
    });
    expect(deal).not.toHaveProperty('lostAt');
  });

  it('DealLost closes the deal with its reason and keeps the last stay open', () => {
    const deal = projectOne([opened(), lost('2026-02-02T12:00:00.000Z', 'no budget')]);
    expect(deal).toMatchObject({
      status: 'lost',
      closedAt: '2026-02-02T12:00:00.000Z',
      lostAt: '2026-02-02T12:00:00.000Z',
      lostReason: 'no budget',
      stageHistory: [{ stageId: 'stage-discovery', enteredAt: '2026-01-05T09:00:00.000Z' }],
    });
    expect(deal).not.toHaveProperty('wonAt');
  });

  it('DealReopened into the stage it closed in continues that stay and clears the outcome', () => {
    const deal = projectOne([
      opened(),
      lost('2026-02-02T12:00:00.000Z'),
      reopened('stage-discovery', 0.15, '2026-03-01T08:00:00.000Z'),
    ]);
    expect(deal).toMatchObject({
      status: 'open',
      probability: 0.15,
      reopenCount: 1,
      stageEnteredAt: '2026-01-05T09:00:00.000Z',
      stageHistory: [{ stageId: 'stage-discovery', enteredAt: '2026-01-05T09:00:00.000Z' }],
    });
    expect(deal).not.toHaveProperty('closedAt');
    expect(deal).not.toHaveProperty('lostAt');
    expect(deal).not.toHaveProperty('lostReason');
  });

  it('DealReopened into another stage closes the last stay at the reopening', () => {
    const deal = projectOne([
      opened(),
      won('2026-02-01T12:00:00.000Z'),
      reopened('stage-proposal', 0.5, '2026-03-01T08:00:00.000Z'),
    ]);
    expect(deal).toMatchObject({
      status: 'open',
      stageId: 'stage-proposal',
      probability: 0.5,
      reopenCount: 1,
      stageEnteredAt: '2026-03-01T08:00:00.000Z',
      stageHistory: [
        {
          stageId: 'stage-discovery',
          enteredAt: '2026-01-05T09:00:00.000Z',
          leftAt: '2026-03-01T08:00:00.000Z',
        },
        { stageId: 'stage-proposal', enteredAt: '2026-03-01T08:00:00.000Z' },
      ],
    });
    expect(deal).not.toHaveProperty('closedAt');
    expect(deal).not.toHaveProperty('wonAt');
  });

  it('keeps only the latest outcome when a reopened deal closes again', () => {
    const lostThenWon = projectOne([
      opened(),
      lost('2026-02-02T12:00:00.000Z'),
      reopened('stage-discovery', 0.1, '2026-03-01T08:00:00.000Z'),
      won('2026-03-15T08:00:00.000Z'),
    ]);
    expect(lostThenWon).toMatchObject({
      status: 'won',
      closedAt: '2026-03-15T08:00:00.000Z',
      wonAt: '2026-03-15T08:00:00.000Z',
      reopenCount: 1,
    });
    expect(lostThenWon).not.toHaveProperty('lostAt');
    expect(lostThenWon).not.toHaveProperty('lostReason');

    const wonThenLost = projectOne([
      opened(),
      won('2026-02-01T12:00:00.000Z'),
      reopened('stage-discovery', 0.1, '2026-03-01T08:00:00.000Z'),
      lost('2026-03-20T08:00:00.000Z', 'churned before go-live'),
      reopened('stage-discovery', 0.1, '2026-04-01T08:00:00.000Z'),
    ]);
    expect(wonThenLost).toMatchObject({ status: 'open', reopenCount: 2 });
    expect(wonThenLost).not.toHaveProperty('wonAt');
    expect(wonThenLost).not.toHaveProperty('lostAt');
    expect(wonThenLost).not.toHaveProperty('lostReason');
    expect(wonThenLost).not.toHaveProperty('closedAt');
  });
});
