import { InFlight } from './in-flight';

describe('InFlight', () => {
  it('closing waits for every call in flight, whatever its outcome, then refuses new ones', async () => {
    const calls = new InFlight('closed');
    let finish = (): void => undefined;
    const slow = calls.run(
      () => new Promise<string>((resolve) => (finish = () => resolve('done'))),
    );
    const failing = calls.run(() => Promise.reject(new Error('boom')));
    let closed = false;
    const closing = calls.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    finish();
    await closing;
    await expect(slow).resolves.toBe('done');
    await expect(failing).rejects.toThrow('boom');
    await expect(calls.run(async () => 'late')).rejects.toThrow('closed');
  });
});
