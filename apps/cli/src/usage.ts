import { expiryFrom, isRoleName, ROLE_NAMES } from '@crm/application';
import { aggregateDeciders, AggregateKind, isAggregateKind } from '@crm/domain';
import { InvalidArgumentError } from 'commander';

/** The command line asks for something impossible: exit code 2 with the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const INTEGER = /^-?\d+$/;
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Option parsers for commander: they throw InvalidArgumentError, which commander reports. */
export const integerArg =
  (min: number, max: number) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!INTEGER.test(value) || !Number.isSafeInteger(parsed)) {
      throw new InvalidArgumentError('must be a whole number.');
    }
    if (parsed < min || parsed > max)
      throw new InvalidArgumentError(`must be from ${min} to ${max}.`);
    return parsed;
  };

export const dateArg = (value: string): Date => {
  const parsed = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime())) {
    throw new InvalidArgumentError(
      'must be an ISO-8601 date or date-time, e.g. 2025-06-30T12:00:00Z.',
    );
  }
  return parsed;
};

export const tenantArg = (value: string): string => {
  if (!TENANT_ID.test(value))
    throw new InvalidArgumentError('must be 1-64 letters, digits, _ or -.');
  return value;
};

export const recordIdArg = (value: string): string => {
  if (!RECORD_ID.test(value))
    throw new InvalidArgumentError('must be 1-64 letters, digits, _ or -.');
  return value;
};

export const kindArg = (value: string): AggregateKind => {
  if (!isAggregateKind(value)) {
    throw new InvalidArgumentError(`must be one of ${Object.keys(aggregateDeciders).join(', ')}.`);
  }
  return value;
};

export const subjectArg = (value: string): string => {
  if (!/^[\x21-\x7e]{1,200}$/.test(value))
    throw new InvalidArgumentError('must be 1-200 visible ASCII characters.');
  return value;
};

export const rolesArg = (value: string): string[] => {
  const roles = value
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const unknown = roles.filter((role) => !isRoleName(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`must be a comma-separated list of ${ROLE_NAMES.join(', ')}.`);
  }
  return roles;
};

export const expiresArg = (value: string): Date => {
  const at = expiryFrom(value, new Date());
  if (!at) {
    throw new InvalidArgumentError(
      'must be a future moment: an ISO-8601 duration (P90D, PT12H) or a date-time.',
    );
  }
  return at;
};

export const nameArg = (value: string): string => {
  if (value.length > 200) throw new InvalidArgumentError('must be at most 200 characters.');
  return value;
};
