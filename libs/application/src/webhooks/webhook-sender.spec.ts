import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { TargetPolicy } from './target-safety';
import { httpWebhookSender } from './webhook-sender';

describe('the webhook sender', () => {
  let server: Server;
  let hits: number;
  let port: number;
  beforeAll(async () => {
    server = createServer((request, response) => {
      hits += 1;
      request.resume();
      request.on('end', () => response.writeHead(request.url === '/fail' ? 500 : 200).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => (hits = 0));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = (policy: TargetPolicy, url: string) =>
    httpWebhookSender(policy, 2000)({ url, headers: {}, body: '{}' });

  it('posts to an allowed target and reads its status', async () => {
    const allowed = TargetPolicy.fromConfig('127.0.0.1');
    expect(await send(allowed, `http://127.0.0.1:${port}/ok`)).toMatchObject({
      ok: true,
      statusCode: 200,
      error: null,
    });
    expect(await send(allowed, `http://127.0.0.1:${port}/fail`)).toMatchObject({
      ok: false,
      statusCode: 500,
    });
    expect(hits).toBe(2);
  });

  it('checks the target again at delivery: a loopback address, literal or by name, gets nothing', async () => {
    const strict = new TargetPolicy();
    const literal = await send(strict, `http://127.0.0.1:${port}/ok`);
    expect(literal).toMatchObject({ ok: false, statusCode: null });
    expect(literal.error).toMatch(/private, loopback/);
    const named = await send(strict, `http://localhost:${port}/ok`);
    expect(named).toMatchObject({ ok: false, statusCode: null });
    expect(named.error).toMatch(/private, loopback|does not resolve/);
    expect(hits).toBe(0);
  });

  it('resolves a name through the checked lookup when its addresses are allowed', async () => {
    const loopbacks = TargetPolicy.fromConfig('127.0.0.0/8,::1');
    expect(await send(loopbacks, `http://localhost:${port}/ok`)).toMatchObject({ ok: true });
    expect(hits).toBe(1);
  });

  it('gives up on a target that does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port: silentPort } = silent.address() as AddressInfo;
    const answer = await httpWebhookSender(
      TargetPolicy.fromConfig('127.0.0.1'),
      150,
    )({
      url: `http://127.0.0.1:${silentPort}/`,
      headers: {},
      body: '{}',
    });
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    expect(answer).toMatchObject({ ok: false, statusCode: null });
    expect(answer.error).toMatch(/no answer within 150 ms/);
  });
});
