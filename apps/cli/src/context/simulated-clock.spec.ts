import { SimulatedClock } from './simulated-clock';

describe('SimulatedClock', () => {
  it('starts at the given time and only ever moves forward', () => {
    const clock = new SimulatedClock(new Date('2025-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');

    clock.advanceTo(new Date('2025-02-01T00:00:00Z'));
    clock.advanceTo(new Date('2025-01-15T00:00:00Z'));

    expect(clock.now().toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move it', () => {
    const clock = new SimulatedClock(new Date('2025-01-01T00:00:00Z'));
    clock.now().setUTCFullYear(2030);
    expect(clock.now().getUTCFullYear()).toBe(2025);
  });
});
