/**
 * Checks an EventStoreDB / KurrentDB connection string the way the client reads it, so a typo
 * stops the process at start-up instead of at the first append. The config lib keeps no
 * dependency on the client: this is the grammar, not the client's parser.
 */

const SCHEMES = ['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover'];

// Query options the client understands, compared as it does: case-insensitive, `_` and `-` ignored.
const BOOLEAN_OPTIONS = ['tls', 'tlsverifycert', 'throwonappendfailure'];
const INTEGER_OPTIONS = [
  'maxdiscoverattempts',
  'discoveryinterval',
  'gossiptimeout',
  'keepaliveinterval',
  'keepalivetimeout',
  'defaultdeadline',
];
const TEXT_OPTIONS = ['connectionname', 'tlscafile', 'usercertfile', 'userkeyfile'];
const NODE_PREFERENCES = ['leader', 'follower', 'random', 'readonlyreplica'];

const flat = (text: string): string => text.trim().toLowerCase().replace(/[_-]/g, '');

const hostProblem = (host: string): string | undefined => {
  const match = /^([A-Za-z0-9._-]+)(?::(\d+))?$/.exec(host);
  if (!match) return `"${host}" is not a host or host:port`;
  const port = match[2] === undefined ? 2113 : Number(match[2]);
  return port >= 1 && port <= 65535 ? undefined : `port ${match[2]} is out of range`;
};

const optionProblem = (pair: string): string | undefined => {
  const match = /^([^=]+)=(.+)$/.exec(pair);
  if (!match) return `"${pair}" is not key=value`;
  const [, key, value] = match;
  const name = flat(key);
  if (BOOLEAN_OPTIONS.includes(name)) {
    return /^(true|false)$/i.test(value) ? undefined : `${key} must be true or false`;
  }
  if (INTEGER_OPTIONS.includes(name)) {
    return /^\d+$/.test(value) ? undefined : `${key} must be a whole number`;
  }
  if (name === 'nodepreference') {
    return NODE_PREFERENCES.includes(flat(value))
      ? undefined
      : `nodePreference must be leader, follower, random or readOnlyReplica`;
  }
  return TEXT_OPTIONS.includes(name) ? undefined : `unknown option "${key}"`;
};

/** Why the value is not a usable connection string, or undefined when it is one. */
export const esdbConnectionStringProblem = (value: string): string | undefined => {
  const scheme = /^([A-Za-z+]+):\/\//.exec(value);
  if (!scheme || !SCHEMES.includes(scheme[1].toLowerCase())) {
    return 'must start with esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://';
  }
  const rest = value.slice(scheme[0].length);
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd).replace(/^\/+/, '');

  const at = authority.lastIndexOf('@');
  if (at !== -1 && !/^[^:]+:.+$/.test(authority.slice(0, at))) {
    return 'credentials must be written user:password@';
  }
  const hosts = authority.slice(at + 1);
  if (hosts === '') return 'names no host';
  for (const host of hosts.split(',')) {
    const problem = hostProblem(host);
    if (problem) return problem;
  }

  if (tail === '') return undefined;
  if (!tail.startsWith('?')) return `unexpected "${tail}" after the hosts`;
  for (const pair of tail.slice(1).split('&')) {
    const problem = optionProblem(pair);
    if (problem) return problem;
  }
  return undefined;
};

/**
 * The same connection string with an `esdb` scheme: KurrentDB speaks the same protocol, but the
 * installed client (@eventstore/db-client 6.x) only reads `esdb://` and `esdb+discover://`.
 */
export const withEsdbScheme = (connectionString: string): string =>
  connectionString.replace(/^kurrentdb(\+discover)?:\/\//i, (_match, discover?: string) =>
    discover ? 'esdb+discover://' : 'esdb://',
  );
