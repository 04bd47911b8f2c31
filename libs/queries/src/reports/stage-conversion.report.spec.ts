import { aDeal, aLostDeal, aPipeline, aWonDeal, stays } from './reports.test-kit';
import { stageConversion } from './stage-conversion.report';

describe('stageConversion', () => {
  const CLOSED_AT = '2026-02-01T00:00:00.000Z';
  const pipeline = aPipeline({
    removedStages: [
      { stageId: 'demo', name: 'Demo', probability: 0.3, removedAt: '2026-01-20T00:00:00.000Z' },
      {
        stageId: 'archive',
        name: 'Archive',
        probability: 0,
        removedAt: '2026-01-20T00:00:00.000Z',
      },
    ],
  });
  const deals = [
    aWonDeal('d1', CLOSED_AT, stays('discovery', 'proposal', 'negotiation')),
    aLostDeal('d2', CLOSED_AT, stays('discovery', 'proposal')),
    aDeal('d3', stays('discovery')),
    aDeal('d4', stays('discovery', 'negotiation', 'proposal')), // moved back: open in proposal
    aLostDeal('d5', CLOSED_AT, stays('discovery', 'demo', 'proposal')),
    aWonDeal('d6', CLOSED_AT, stays('discovery', 'demo')),
    aDeal('d7', stays('proposal', 'discovery', 'proposal')), // proposal twice: counts once
    aLostDeal('d8', CLOSED_AT, stays('discovery')),
    aDeal('d9', stays('legacy', 'discovery')), // a stage the pipeline has no record of
    aLostDeal('d11', CLOSED_AT, stays('discovery', 'demo')),
    aWonDeal('d10', CLOSED_AT, { pipelineId: 'other', ...stays('discovery') }), // other pipeline
  ];

  it('follows deals stage by stage in board order, removed stages last by id', () => {
    expect(stageConversion(deals, pipeline)).toEqual({
      pipelineId: 'sales',
      name: 'Sales',
      stages: [
        // entered d1..d9 d11 = 10; advanced d1 d6 (won), d2 d4 d5 d7 (later stage) = 6
        // (d11 went to the removed demo: not advancing); lost d8; open here d3 d9
        {
          stageId: 'discovery',
          name: 'Discovery',
          removed: false,
          entered: 10,
          advanced: 6,
          lost: 1,
          stillOpen: 2,
          conversionRate: 0.6,
          dropOffRate: 0.1,
        },
        // entered d1 d2 d4 d5 d7 = 5; advanced d1 (won) = 1/5; lost d2 d5 = 2/5; open d4 d7
        {
          stageId: 'proposal',
          name: 'Proposal',
          removed: false,
          entered: 5,
          advanced: 1,
          lost: 2,
          stillOpen: 2,
          conversionRate: 0.2,
          dropOffRate: 0.4,
        },
        // entered d1 d4; advanced d1 (won) = 1/2; d4 moved back to proposal
        {
          stageId: 'negotiation',
          name: 'Negotiation',
          removed: false,
          entered: 2,
          advanced: 1,
          lost: 0,
          stillOpen: 0,
          conversionRate: 0.5,
          dropOffRate: 0,
        },
        // entered d5 d6 d11 = 3; advanced d6 (won) = 1/3; lost d11 = 1/3 (d5 was lost in proposal)
        {
          stageId: 'demo',
          name: 'Demo',
          removed: true,
          entered: 3,
          advanced: 1,
          lost: 1,
          stillOpen: 0,
          conversionRate: 0.3333,
          dropOffRate: 0.3333,
        },
        // entered d9, which moved on to discovery (no known order: not advancing)
        {
          stageId: 'legacy',
          name: 'legacy',
          removed: true,
          entered: 1,
          advanced: 0,
          lost: 0,
          stillOpen: 0,
          conversionRate: 0,
          dropOffRate: 0,
        },
      ],
    });
  });

  it('lists every current stage, with null rates, when no deal entered it', () => {
    const empty = {
      entered: 0,
      advanced: 0,
      lost: 0,
      stillOpen: 0,
      conversionRate: null,
      dropOffRate: null,
    };
    expect(stageConversion([], pipeline).stages).toEqual([
      { stageId: 'discovery', name: 'Discovery', removed: false, ...empty },
      { stageId: 'proposal', name: 'Proposal', removed: false, ...empty },
      { stageId: 'negotiation', name: 'Negotiation', removed: false, ...empty },
    ]);
  });
});
