import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

/**
 * The single-record reads. Their answer is one record's document (the deal detail nests it under
 * `deal`), whose `revision` is the record's stream revision.
 */
export const RECORD_READ_ROUTES: ReadonlySet<string> = new Set([
  '/accounts/:id',
  '/campaigns/:id',
  '/contacts/:id',
  '/deals/:id',
  '/interactions/:id',
  '/leads/:id',
  '/pipelines/:id',
  '/quotes/:id',
  '/tasks/:id',
  '/tickets/:id',
]);

const isRecordRead = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  RECORD_READ_ROUTES.has(request.routeOptions.url ?? '');

const revisionOf = (payload: unknown): number | undefined => {
  const body = payload as { revision?: unknown; deal?: { revision?: unknown } } | null;
  const revision = body?.revision ?? body?.deal?.revision;
  return typeof revision === 'number' ? revision : undefined;
};

/** The opaque part of an entity tag: `"3-x"` and `W/"3-x"` compare equal (weak comparison). */
const opaqueOf = (tag: string): string => tag.trim().replace(/^W\//, '');

/** Whether If-None-Match (`*` or a comma-separated list of tags) names the current tag. */
export const noneMatchHolds = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => opaqueOf(tag) === opaqueOf(etag));
};

/**
 * `"<revision>-<digest of the answer>"`: the revision first, so the tag is the If-Match a change
 * of the record takes; the digest so that the tag also changes when the answer changes without
 * the record's own stream moving (a merge adding to the surviving contact, a stage probability
 * changed in the deal's pipeline, fields masked for another role).
 */
const recordTag = (revision: number, payload: string | Buffer): string =>
  `"${revision}-${createHash('sha256').update(payload).digest('base64url').slice(0, 16)}"`;

const revisions = new WeakMap<FastifyReply, number>();

/**
 * ETags on record reads, and 304 Not Modified when If-None-Match names the current one. Only a
 * successful GET or HEAD is answered 304; a record read `asOf` a past moment is tagged with the
 * revision it had then.
 */
export const useRecordETags = (fastify: FastifyInstance): void => {
  fastify.addHook('preSerialization', async (request, reply, payload: unknown) => {
    if (reply.statusCode !== 200 || !isRecordRead(request)) return payload;
    const revision = revisionOf(payload);
    if (revision !== undefined) revisions.set(reply, revision);
    return payload;
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    const revision = revisions.get(reply);
    if (revision === undefined || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = recordTag(revision, payload);
    void reply.header('etag', etag);
    if (!noneMatchHolds(request.headers['if-none-match'], etag)) return payload;
    void reply.code(304);
    reply.removeHeader('content-length');
    return '';
  });
};
