import { DependencyScheduler } from './scheduler';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DependencyScheduler', () => {
  it('runs tasks on one record in order and tasks on other records alongside', async () => {
    const scheduler = new DependencyScheduler(10);
    const log: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    await scheduler.submit({ writes: 'a', reads: [] }, async () => {
      log.push('a1 start');
      await blocked;
      log.push('a1 end');
    });
    await scheduler.submit({ writes: 'a', reads: [] }, async () => {
      log.push('a2');
    });
    await scheduler.submit({ writes: 'b', reads: [] }, async () => {
      log.push('b1');
    });
    await tick();
    expect(log).toEqual(['a1 start', 'b1']);
    release();
    await scheduler.drain();
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('makes a task that reads a record wait for the last task that wrote it', async () => {
    const scheduler = new DependencyScheduler(10);
    const log: string[] = [];
    await scheduler.submit({ writes: 'contact', reads: [] }, async () => {
      await tick();
      log.push('create contact');
    });
    await scheduler.submit({ writes: 'call', reads: ['contact'] }, async () => {
      log.push('log call');
    });
    await scheduler.drain();
    expect(log).toEqual(['create contact', 'log call']);
  });

  it('never has more tasks in flight than allowed', async () => {
    const scheduler = new DependencyScheduler(3);
    let running = 0;
    let most = 0;
    for (let i = 0; i < 20; i++) {
      await scheduler.submit({ writes: `r${i}`, reads: [] }, async () => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
      });
      expect(scheduler.inFlight).toBeLessThanOrEqual(3);
    }
    await scheduler.drain();
    expect(most).toBe(3);
    expect(scheduler.inFlight).toBe(0);
  });

  it('goes on after a task fails', async () => {
    const scheduler = new DependencyScheduler(2);
    let ran = false;
    await scheduler.submit({ writes: 'a', reads: [] }, () => Promise.reject(new Error('boom')));
    await scheduler.submit({ writes: 'a', reads: [] }, async () => {
      ran = true;
    });
    await scheduler.drain();
    expect(ran).toBe(true);
  });
});
