import { OptionError, parseFigures, resolveSettings } from './options';

describe('resolveSettings', () => {
  it('defaults to the full preset (1M events) and every figure', () => {
    const settings = resolveSettings({});
    expect(settings.preset).toBe('full');
    expect(settings.events).toBe(1_000_000);
    expect(settings.figures).toHaveLength(9);
  });

  it('takes the quick preset, an event count (underscores allowed) and a seed', () => {
    const settings = resolveSettings({ preset: 'quick', events: '250_000', seed: '7' });
    expect(settings).toMatchObject({ preset: 'quick', events: 250_000, seed: 7 });
    expect(settings.commandSeconds).toBeLessThan(resolveSettings({}).commandSeconds);
  });

  it('refuses an unknown preset and a size that is not a positive integer', () => {
    expect(() => resolveSettings({ preset: 'huge' })).toThrow(OptionError);
    expect(() => resolveSettings({ events: '-5' })).toThrow(OptionError);
    expect(() => resolveSettings({ events: '1e3x' })).toThrow(OptionError);
  });
});

describe('parseFigures', () => {
  it('keeps the run order whatever order they were asked in', () => {
    expect(parseFigures('disk,raw-floor')).toEqual(['raw-floor', 'disk']);
    expect(parseFigures('all')).toHaveLength(9);
  });

  it('names the unknown ones', () => {
    expect(() => parseFigures('queries,latency')).toThrow(/unknown figure\(s\) latency/);
  });
});
