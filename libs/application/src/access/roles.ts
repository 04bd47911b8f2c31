// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration, nothing to import at run time
/// <reference path="./casl-ability.d.ts" />
import { createMongoAbility, MongoAbility, MongoQuery, subject as asSubject } from '@casl/ability';

/**
 * The built-in roles, each a set of permissions (`<kind>:<action>`, the command catalogue's
 * names, plus `<kind>:read`, `report:read`, `audit:read`, `api-key:manage`, `webhook:manage`,
 * `scoring:manage`, `scoring:read`, `automation:manage`, `automation:read`, `system:read`,
 * `pii:read`), some limited by a row rule: a condition in MongoDB query syntax on the record,
 * where `$subject` stands for the caller. `<kind>:*` is every permission of a kind, `*` all.
 * The README's role table is generated from this list (a test keeps them equal).
 */
export type Grant = { permissions: readonly string[]; where?: MongoQuery; why?: string };
export type RoleDefinition = { summary: string; grants: readonly Grant[] };

const CRM_KINDS = [
  'account',
  'contact',
  'lead',
  'deal',
  'pipeline',
  'interaction',
  'task',
  'ticket',
  'campaign',
  'quote',
] as const;

const ME = '$subject';

export const ROLES = {
  admin: {
    summary: 'everything, API keys and system status included',
    grants: [{ permissions: ['*'] }],
  },
  manager: {
    summary: 'every CRM record and report of the tenant',
    grants: [
      {
        permissions: [
          ...CRM_KINDS.map((kind) => `${kind}:*`),
          'report:read',
          'scoring:read',
          'pii:read',
        ],
      },
    ],
  },
  'sales-rep': {
    summary:
      'accounts, contacts, tasks, interactions, quotes; deals and leads they own, unowned leads to claim; reports over what they see',
    grants: [
      {
        permissions: [
          'account:*',
          'contact:*',
          'task:*',
          'interaction:*',
          'quote:*',
          'pipeline:read',
          'report:read',
          'pii:read',
        ],
      },
      { permissions: ['deal:open', 'lead:capture'] },
      { permissions: ['deal:*', 'lead:*'], where: { ownerId: ME } },
      { permissions: ['lead:read', 'lead:assign'], where: { ownerId: { $exists: false } } },
    ],
  },
  'support-agent': {
    summary:
      'tickets assigned to them or unassigned, interactions; reads contacts and accounts; reports over what they see',
    grants: [
      {
        permissions: [
          'ticket:open',
          'interaction:*',
          'contact:read',
          'account:read',
          'report:read',
          'pii:read',
        ],
      },
      { permissions: ['ticket:*'], where: { assigneeId: ME } },
      { permissions: ['ticket:read', 'ticket:assign'], where: { assigneeId: { $exists: false } } },
    ],
  },
  marketer: {
    summary: 'campaigns, lead capture, the lead-scoring model, contacts that consented to email',
    grants: [
      {
        permissions: [
          'campaign:*',
          'lead:capture',
          'scoring:manage',
          'scoring:read',
          'report:read',
          'pii:read',
        ],
      },
      { permissions: ['contact:read'], where: { 'consents.email.status': 'opted_in' } },
    ],
  },
  analyst: {
    summary: 'read-only: lists, views, reports; personal data masked',
    grants: [{ permissions: [...CRM_KINDS.map((kind) => `${kind}:read`), 'report:read'] }],
  },
  auditor: {
    summary: 'read-only: the audit trail and its verification',
    grants: [{ permissions: ['audit:read', 'pii:read'] }],
  },
} as const satisfies Record<string, RoleDefinition>;

export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export const isRoleName = (name: string): name is RoleName =>
  Object.prototype.hasOwnProperty.call(ROLES, name);

export type Ability = MongoAbility;

const splitPermission = (permission: string): { action: string; kind: string } => {
  if (permission === '*') return { action: 'manage', kind: 'all' };
  const [kind, action] = permission.split(':');
  return { kind, action: action === '*' ? 'manage' : action };
};

const withCaller = (query: MongoQuery, caller: string): MongoQuery =>
  JSON.parse(JSON.stringify(query), (_key, value: unknown) =>
    value === ME ? caller : value,
  ) as MongoQuery;

type AbilityHolder = { subject: string; roles: readonly string[] };

/** One ability per principal object: a request's guard, scope, masking and row checks share it. */
const abilities = new WeakMap<AbilityHolder, Ability>();

/** What a principal's roles allow, as a CASL ability; unknown role names grant nothing. */
export const abilityFor = (principal: AbilityHolder): Ability => {
  const known = abilities.get(principal);
  if (known) return known;
  const ability = buildAbility(principal);
  abilities.set(principal, ability);
  return ability;
};

const buildAbility = (principal: AbilityHolder): Ability =>
  createMongoAbility(
    principal.roles.filter(isRoleName).flatMap((role) =>
      ROLES[role].grants.flatMap((grant: Grant) =>
        grant.permissions.map((permission) => {
          const { action, kind } = splitPermission(permission);
          return grant.where
            ? { action, subject: kind, conditions: withCaller(grant.where, principal.subject) }
            : { action, subject: kind };
        }),
      ),
    ),
  );

/** Whether some rule may grant the permission (row rules still to be checked on the record). */
export const mayEver = (ability: Ability, permission: string): boolean => {
  const { action, kind } = splitPermission(permission);
  return ability.can(action, kind);
};

/** Whether the permission is granted on this record (its current state). */
export const allowsOn = (ability: Ability, permission: string, record: object): boolean => {
  const { action, kind } = splitPermission(permission);
  return ability.can(action, asSubject(kind, { ...record }));
};
