/** The built-in roles a credential may carry. */
export const ROLE_NAMES = [
  'admin',
  'manager',
  'sales-rep',
  'support-agent',
  'marketer',
  'analyst',
  'auditor',
] as const;

export type RoleName = (typeof ROLE_NAMES)[number];

export const isRoleName = (name: string): name is RoleName =>
  (ROLE_NAMES as readonly string[]).includes(name);
