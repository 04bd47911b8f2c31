import { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { ApiError } from './api-error';

/**
 * Fastify's own JSON parser, but a malformed body becomes our 400 `MALFORMED_JSON` (Nest would
 * otherwise flatten it into a bare 400). `__proto__` and `constructor.prototype` keys are refused,
 * as Fastify does, so a body cannot poison prototypes.
 */
export const useJsonBodyParser = (fastify: FastifyInstance): void => {
  if (fastify.hasContentTypeParser('application/json'))
    fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      try {
        done(
          null,
          sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }),
        );
      } catch (error) {
        done(
          ApiError.badRequest(
            'MALFORMED_JSON',
            `the body is not valid JSON: ${(error as Error).message}`,
          ),
          undefined,
        );
      }
    },
  );
};
