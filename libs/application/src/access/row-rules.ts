import { PermissionDeniedError, RecordNotVisibleError } from '../command-errors';
import { Caller } from '../command-context';
import { abilityFor, allowsOn } from './roles';

/** Checks a record's state, as a command is about to be decided on it; throws when refused. */
export type StateCheck = (state: unknown) => void;

const existing = (state: unknown): state is { exists: true } =>
  typeof state === 'object' && state !== null && (state as { exists?: unknown }).exists === true;

/**
 * The caller's row rules on the record a command is decided on: a record they may not read is
 * refused as absent (RecordNotVisibleError), one they may read but not change with
 * `permission` as forbidden (PermissionDeniedError). A record that does not exist passes: the
 * decider answers for it.
 */
export const rowRuleCheck = (
  caller: Caller,
  kind: string,
  recordId: string,
  permission: string,
): StateCheck => {
  const ability = abilityFor(caller);
  return (state) => {
    if (!existing(state)) return;
    if (!allowsOn(ability, `${kind}:read`, state)) throw new RecordNotVisibleError(kind, recordId);
    if (!allowsOn(ability, permission, state)) throw new PermissionDeniedError(permission);
  };
};
