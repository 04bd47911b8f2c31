import { ApiError, FieldError } from './api-error';

/** A UTF-16 surrogate not paired with its other half: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * C0 and C1 control characters and DEL. Tab, line feed and carriage return are text in notes and
 * descriptions; the single-line fields (names, tags, identifiers) refuse those too, by their rules.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

const checkText = (text: string, field: string, problems: FieldError[]): string => {
  if (LONE_SURROGATE.test(text)) {
    problems.push({ field, errors: [`${field || 'body'} must be well-formed Unicode`] });
    return text;
  }
  if (CONTROL_CHARACTER.test(text)) {
    problems.push({ field, errors: [`${field || 'body'} must not contain control characters`] });
    return text;
  }
  return text.normalize('NFC');
};

/** Depth is already bounded by `assertJsonShapeWithinLimits`, so the recursion is too. */
const normalise = (value: unknown, field: string, problems: FieldError[]): unknown => {
  if (typeof value === 'string') return checkText(value, field, problems);
  if (Array.isArray(value))
    return value.map((item, i) => normalise(item, pathOf(field, i), problems));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [rawKey, item] of Object.entries(value)) {
      const key = checkText(rawKey, pathOf(field, rawKey), problems);
      result[key] = normalise(item, pathOf(field, key), problems);
    }
    return result;
  }
  return value;
};

/**
 * Every string in a body, keys included, must be well-formed Unicode without control characters;
 * it is stored in Unicode normal form C, so that the same text typed two ways is the same text.
 */
export const normaliseJsonText = (value: unknown): unknown => {
  const problems: FieldError[] = [];
  const result = normalise(value, '', problems);
  if (problems.length) {
    throw ApiError.badRequest('VALIDATION_FAILED', 'the request body is invalid', problems);
  }
  return result;
};
