import { randomUUID } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's id may look like to be kept: short, printable, no spaces or quotes. */
const ACCEPTABLE = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token, else a fresh UUID (Fastify's genReqId). */
export const requestIdOf = (request: { headers: IncomingHttpHeaders }): string => {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
};
