import { ApiError } from './api-error';

/** How deep a JSON body may nest, and how many values it may hold, before anything parses it. */
export const MAX_JSON_DEPTH = 16;
export const MAX_JSON_VALUES = 20_000;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * One linear pass over the raw text, outside string literals, counting nesting and separators.
 * It runs before the parser and the validators, whose cost (and, for class-transformer, whose
 * stack) grows with depth and size: a hostile body is refused for the price of reading it once.
 */
export const assertJsonShapeWithinLimits = (text: string): void => {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > MAX_JSON_DEPTH) {
        throw ApiError.badRequest(
          'BODY_TOO_DEEP',
          `the body nests deeper than ${MAX_JSON_DEPTH} levels`,
        );
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
    else if (c === COMMA && ++values > MAX_JSON_VALUES) {
      throw ApiError.badRequest(
        'BODY_TOO_COMPLEX',
        `the body holds more than ${MAX_JSON_VALUES} values`,
      );
    }
  }
};
