import { addIsoDuration } from './iso-duration';

/** `{{path}}` or `{{path + P3D}}` (a date moved by an ISO 8601 duration). */
const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const EXPRESSION = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*)(?:\s*\+\s*(-?P\S+))?$/;

export type TemplateUse = { path: string; duration?: string };

/** What a template may name: the trigger, the record's read model, the rule, the action's time. */
export type TemplateScope = {
  event: {
    id: string;
    type: string;
    recordId: string;
    recordedAt: string;
    actorId: string;
    data: Record<string, unknown>;
  };
  record?: Record<string, unknown>;
  rule: { id: string };
  action: { runAt: string };
};

/** Each template in the text, or the expression that does not parse (`{ path: '' }`). */
export const templatesIn = (text: string): (TemplateUse | { invalid: string })[] =>
  [...text.matchAll(TEMPLATE)].map(([, expression]) => {
    const match = EXPRESSION.exec(expression);
    return match ? { path: match[1], duration: match[2] } : { invalid: expression };
  });

/** Every string inside a value (objects and arrays walked), with its path from `at`. */
export const stringsIn = (value: unknown, at: string): { at: string; text: string }[] => {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${at}.${key}`));
  }
  return [];
};

const lookUp = (scope: TemplateScope, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined,
      scope,
    );

const evaluate = (scope: TemplateScope, expression: string): unknown => {
  const match = EXPRESSION.exec(expression);
  if (!match) return undefined;
  const value = lookUp(scope, match[1]);
  if (match[2] === undefined || value === undefined) return value;
  return addIsoDuration(new Date(String(value)), match[2]).toISOString();
};

/**
 * The value with its templates filled in. A string that is one template alone takes the named
 * value as it is (a number stays a number); one that resolves to nothing is left out. Templates
 * inside longer text are written into it.
 */
export const renderTemplates = (value: unknown, scope: TemplateScope): unknown => {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([^{}]*?)\s*\}\}$/.exec(value);
    if (whole) return evaluate(scope, whole[1]);
    return value.replace(TEMPLATE, (_text, expression: string) =>
      String(evaluate(scope, expression) ?? ''),
    );
  }
  if (Array.isArray(value)) return value.map((item) => renderTemplates(item, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, item]) => [key, renderTemplates(item, scope)])
        .filter(([, item]) => item !== undefined),
    );
  }
  return value;
};

/** The value a path names (`event.data.dueAt`), for a delay counted from a date. */
export const valueAt = (scope: TemplateScope, path: string): unknown => lookUp(scope, path);
