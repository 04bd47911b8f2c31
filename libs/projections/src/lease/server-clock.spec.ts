import { serverClock } from './server-clock';

describe('serverClock', () => {
  it("follows the server's clock, not this host's: a host an hour ahead stamps the server's time", async () => {
    let local = Date.parse('2026-03-01T13:00:00.000Z'); // this host is an hour fast
    const server = () => new Date(local - 3_600_000);
    const asked: number[] = [];
    const clock = serverClock(
      async () => {
        asked.push(local);
        local += 10; // the round trip takes 20 ms: the server answers half way
        const answer = server();
        local += 10;
        return answer;
      },
      { localNow: () => local, maxAgeMs: 1_000 },
    );
    expect((await clock()).getTime()).toBe(server().getTime());
    local += 500;
    expect((await clock()).getTime()).toBe(server().getTime()); // no new question within maxAge
    expect(asked).toHaveLength(1);
    local += 600;
    expect((await clock()).getTime()).toBe(server().getTime());
    expect(asked).toHaveLength(2); // measured again once too old
  });

  it('a failed measurement fails the lease operation instead of guessing a time', async () => {
    const clock = serverClock(() => Promise.reject(new Error('not reachable')));
    await expect(clock()).rejects.toThrow('not reachable');
  });
});
