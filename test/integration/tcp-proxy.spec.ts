import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { startTcpProxy, TcpProxy } from './tcp-proxy';

/** The relay the EventStoreDB drop tests stand on, checked against an echo server. */

const echoServer = async (): Promise<Server> => {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
};

const dial = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });

const echoOf = (socket: Socket, text: string): Promise<string> =>
  new Promise((resolve) => {
    socket.once('data', (chunk) => resolve(chunk.toString()));
    socket.write(text);
  });

const closed = (socket: Socket): Promise<void> =>
  new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('TCP proxy', () => {
  let server: Server;
  let proxy: TcpProxy;

  beforeEach(async () => {
    server = await echoServer();
    proxy = await startTcpProxy({
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
    });
  });

  afterEach(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('relays bytes both ways', async () => {
    const socket = await dial(proxy.port);
    await expect(echoOf(socket, 'hello')).resolves.toBe('hello');
    expect(proxy.connections()).toBe(1);
    socket.destroy();
  });

  it('drops open connections on cut, and relays new ones afterwards', async () => {
    const first = await dial(proxy.port);
    await echoOf(first, 'one');
    proxy.cut();
    await closed(first);
    const second = await dial(proxy.port);
    await expect(echoOf(second, 'two')).resolves.toBe('two');
    expect(proxy.connections()).toBe(2);
    second.destroy();
  });

  it('turns connections away while refusing', async () => {
    proxy.refuse(true);
    const refused = await dial(proxy.port);
    await closed(refused);
    expect(proxy.connections()).toBe(0);
    proxy.refuse(false);
    const accepted = await dial(proxy.port);
    await expect(echoOf(accepted, 'back')).resolves.toBe('back');
    accepted.destroy();
  });
});
