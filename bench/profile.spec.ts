import { CpuProfile, topFrames, topInclusive } from './profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

/** main -> work -> parse (hot), main -> work, main -> idle-ish (garbage collector). */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5] },
    { id: 2, callFrame: frame('main', 'file:///repo/bench/main.ts', 9), children: [3] },
    { id: 3, callFrame: frame('work', 'file:///repo/libs/x/work.ts', 0), children: [4] },
    { id: 4, callFrame: frame('parse', 'file:///repo/node_modules/p/index.js', 41) },
    { id: 5, callFrame: frame('(garbage collector)') },
  ],
  startTime: 0,
  endTime: 10,
  samples: [4, 4, 4, 4, 4, 4, 3, 3, 5, 5],
};

describe('topFrames', () => {
  it('ranks functions by self time with their inclusive share, paths relative to the root', () => {
    expect(topFrames(profile, 3, '/repo')).toEqual([
      { frame: 'parse (node_modules/p/index.js:42)', selfPercent: 60, totalPercent: 60 },
      { frame: '(garbage collector)', selfPercent: 20, totalPercent: 20 },
      { frame: 'work (libs/x/work.ts:1)', selfPercent: 20, totalPercent: 80 },
    ]);
  });

  it('falls back to hit counts when the profile has no sample list', () => {
    const counted: CpuProfile = {
      ...profile,
      samples: undefined,
      nodes: profile.nodes.map((node) => ({ ...node, hitCount: node.id === 3 ? 4 : 0 })),
    };
    expect(topFrames(counted, 1)[0]).toMatchObject({ selfPercent: 100 });
  });
});

describe('topInclusive', () => {
  it('lists the matching frames by inclusive time, also those without self time', () => {
    expect(topInclusive(profile, 5, /\((libs|bench)\//, '/repo').map((f) => f.frame)).toEqual([
      'main (bench/main.ts:10)',
      'work (libs/x/work.ts:1)',
    ]);
  });
});
