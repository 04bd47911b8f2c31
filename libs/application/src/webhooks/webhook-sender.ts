import { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TargetPolicy } from './target-safety';

export type WebhookRequest = { url: string; headers: Record<string, string>; body: string };

/** A target's answer; `statusCode` null when there was none (refused, unreachable, timed out). */
export type WebhookResponse = {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

export type WebhookSender = (
  request: WebhookRequest,
  signal?: AbortSignal,
) => Promise<WebhookResponse>;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * The lookup the connection uses: the host resolved and checked against the policy at the
 * moment of connecting, so a name that now points somewhere private is refused, and the socket
 * goes to exactly the address that was checked.
 */
const checkedLookup =
  (policy: TargetPolicy) =>
  (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    policy.resolve(hostname).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(Object.assign(error, { code: 'EWEBHOOKTARGET' }), ''),
    );
  };

const ANSWER_BYTES = 4096;

/** POSTs over http(s) with a timeout; any 2xx is success, redirects are not followed. */
export const httpWebhookSender =
  (policy: TargetPolicy, timeoutMs: number): WebhookSender =>
  (webhook, signal) =>
    new Promise((resolve) => {
      const started = Date.now();
      const done = (statusCode: number | null, error: string | null) =>
        resolve({
          ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
          statusCode,
          error,
          durationMs: Date.now() - started,
        });
      const url = new URL(webhook.url);
      const options: RequestOptions = {
        method: 'POST',
        headers: { ...webhook.headers, 'content-length': Buffer.byteLength(webhook.body) },
        timeout: timeoutMs,
        lookup: checkedLookup(policy) as RequestOptions['lookup'],
        signal,
      };
      // A literal address is not looked up: check it here.
      const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
      if (/^[\d.]+$|:/.test(literal) && !policy.permits(literal)) {
        done(null, `${literal} is a private, loopback or reserved address`);
        return;
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const outgoing = send(url, options, (answer) => {
        let read = 0;
        answer.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > ANSWER_BYTES) answer.destroy();
        });
        answer.on('close', () => {
          const status = answer.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          done(status, ok ? null : `the target answered ${status}`);
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on('error', (error) => done(null, error.message));
      outgoing.end(webhook.body);
    });
