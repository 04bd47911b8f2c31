import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export type Received = { headers: IncomingHttpHeaders; body: string; status: number };

/**
 * A webhook target on 127.0.0.1: answers each request with the status `answer` gives for it
 * (by its 0-based number), and keeps every request with the status it got.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  answer: (index: number) => number = () => 200;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const status = this.answer(this.received.length);
        this.received.push({ headers: request.headers, body, status });
        response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Requests the receiver accepted (answered 2xx). */
  accepted(): Received[] {
    return this.received.filter(({ status }) => status >= 200 && status < 300);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export const eventually = async <T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
