import { AddressInfo, connect, createServer, Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a server, so a test can take the network away from a
 * client without touching the server: `cut()` drops every open connection, `refuse(true)` turns
 * new ones away until `refuse(false)`.
 */
export type TcpProxy = {
  port: number;
  /** Connections relayed so far. */
  connections(): number;
  cut(): void;
  refuse(refusing: boolean): void;
  close(): Promise<void>;
};

export const startTcpProxy = async (target: { host: string; port: number }): Promise<TcpProxy> => {
  const open = new Set<Socket>();
  let refusing = false;
  let relayed = 0;

  const track = (socket: Socket): void => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const server = createServer((downstream) => {
    track(downstream);
    if (refusing) {
      downstream.destroy();
      return;
    }
    relayed += 1;
    const upstream = connect(target.port, target.host);
    track(upstream);
    downstream.pipe(upstream).on('close', () => downstream.destroy());
    upstream.pipe(downstream).on('close', () => upstream.destroy());
    downstream.on('close', () => upstream.destroy());
    upstream.on('close', () => downstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    connections: () => relayed,
    cut: () => {
      for (const socket of open) socket.destroy();
    },
    refuse: (value) => {
      refusing = value;
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
