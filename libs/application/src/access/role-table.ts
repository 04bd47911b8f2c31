import { Grant, ROLES } from './roles';

const grantText = (grant: Grant): string => {
  const permissions = grant.permissions.map((p) => `\`${p}\``).join(' ');
  return grant.where ? `${permissions} where \`${JSON.stringify(grant.where)}\`` : permissions;
};

/** The README's table of built-in roles, generated from ROLES. */
export const roleTableMarkdown = (): string =>
  [
    '| role | what it is for | permissions (`$subject` is the caller) |',
    '| --- | --- | --- |',
    ...Object.entries(ROLES).map(
      ([name, role]) =>
        `| \`${name}\` | ${role.summary} | ${role.grants.map((g: Grant) => grantText(g)).join('; ')} |`,
    ),
  ].join('\n');
