import { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { ApiError } from './api-error';
import { assertJsonShapeWithinLimits } from './json-shape-limits';
import { normaliseJsonText } from './json-text-rules';

const parseJson = (text: string): unknown => {
  try {
    return sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    throw ApiError.badRequest(
      'MALFORMED_JSON',
      `the body is not valid JSON: ${(error as Error).message}`,
    );
  }
};

/** Every command body is one JSON object (fields, or none): a bare value or an array is refused. */
const assertObject = (value: unknown): void => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw ApiError.badRequest('BODY_NOT_AN_OBJECT', 'the body must be a JSON object');
  }
};

/**
 * The only body parser: JSON, checked for shape limits before parsing, then parsed the way
 * Fastify does (`__proto__` and `constructor.prototype` keys are refused, so a body cannot
 * poison prototypes), then its text checked and normalised. Any other media type gets 415,
 * an empty body means no body.
 */
export const useJsonBodyParser = (fastify: FastifyInstance): void => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      try {
        assertJsonShapeWithinLimits(text);
        const value = parseJson(text);
        assertObject(value);
        done(null, normaliseJsonText(value));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
};
