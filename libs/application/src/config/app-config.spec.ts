import { ConfigError, loadConfig } from './app-config';
import { withEsdbScheme } from './esdb-connection-string';

/** The message loadConfig throws for this environment (fails the test if it does not throw). */
const problemWith = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
};

describe('loadConfig', () => {
  it('defaults to the embedded backends', () => {
    expect(loadConfig({})).toMatchObject({
      CRM_EVENT_STORE: 'sqlite',
      CRM_READ_STORE: 'embedded',
      EVENTSTORE_CONNECTION_STRING: undefined,
      MONGODB_URI: undefined,
      MONGODB_DATABASE: 'crm',
      CRM_MONGODB_TRANSACTIONS: 'auto',
    });
  });

  it('names an unknown backend', () => {
    const message = problemWith({ CRM_EVENT_STORE: 'postgres', CRM_READ_STORE: 'redis' });
    expect(message).toContain('CRM_EVENT_STORE="postgres"');
    expect(message).toContain('CRM_READ_STORE="redis"');
  });

  describe('CRM_EVENT_STORE=eventstoredb', () => {
    const esdb = (connectionString?: string): NodeJS.ProcessEnv => ({
      CRM_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: connectionString,
    });

    it.each([
      'esdb://localhost:2113?tls=false',
      'esdb://eventstoredb',
      'esdb://localhost:2113/?tls=false',
      'esdb+discover://admin:changeit@cluster.example.com:2113?nodePreference=leader',
      'esdb://node1:2111,node2:2112,node3:2113?tls=true&tlsCAFile=/certs/ca.crt&keepAliveTimeout=10000',
      'kurrentdb://localhost:2113?tls=false&throw_on_append_failure=true',
      'kurrentdb+discover://cluster.example.com?node-preference=read_only_replica',
    ])('accepts %s', (connectionString) => {
      expect(loadConfig(esdb(connectionString))).toMatchObject({
        CRM_EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: connectionString,
      });
    });

    it.each([undefined, ''])('requires EVENTSTORE_CONNECTION_STRING (given %j)', (value) => {
      expect(problemWith(esdb(value))).toContain(
        'EVENTSTORE_CONNECTION_STRING is required when CRM_EVENT_STORE=eventstoredb',
      );
    });

    it.each([
      ['http://localhost:2113', 'must start with esdb://'],
      ['localhost:2113', 'must start with esdb://'],
      ['esdb://', 'names no host'],
      ['esdb://?tls=false', 'names no host'],
      ['esdb://localhost:abc', '"localhost:abc" is not a host or host:port'],
      ['esdb://localhost:70000', 'port 70000 is out of range'],
      ['esdb://a:2113,,b:2113', '"" is not a host or host:port'],
      ['esdb://admin@localhost:2113', 'credentials must be written user:password@'],
      ['esdb://localhost:2113?tls=maybe', 'tls must be true or false'],
      ['esdb://localhost:2113?tsl=false', 'unknown option "tsl"'],
      ['esdb://localhost:2113?tls', '"tls" is not key=value'],
      ['esdb://localhost:2113?gossipTimeout=soon', 'gossipTimeout must be a whole number'],
      ['esdb://localhost:2113?nodePreference=nearest', 'nodePreference must be leader'],
      ['esdb://localhost:2113/streams', 'unexpected "streams" after the hosts'],
    ])('refuses %s, saying why', (connectionString, reason) => {
      const message = problemWith(esdb(connectionString));
      expect(message).toContain(`EVENTSTORE_CONNECTION_STRING=${JSON.stringify(connectionString)}`);
      expect(message).toContain('must be an EventStoreDB connection string');
      expect(message).toContain(reason);
    });

    it('never repeats a password from a refused connection string', () => {
      const message = problemWith(esdb('esdb://admin:s3cret@localhost:port'));
      expect(message).not.toContain('s3cret');
      expect(message).toContain('esdb://admin:***@localhost:port');
    });

    it('ignores the connection string while the event store is sqlite', () => {
      expect(
        loadConfig({ CRM_EVENT_STORE: 'sqlite', EVENTSTORE_CONNECTION_STRING: 'not one' }),
      ).toMatchObject({ CRM_EVENT_STORE: 'sqlite' });
    });
  });

  describe('CRM_READ_STORE=mongodb', () => {
    const mongo = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
      CRM_READ_STORE: 'mongodb',
      ...env,
    });

    it.each([
      'mongodb://localhost:27017/?replicaSet=rs0',
      'mongodb://mongodb',
      'mongodb://m1:27017,m2:27017,m3:27017/?replicaSet=rs0&w=majority',
      'mongodb://crm:pa%40ss@localhost:27017/?authSource=admin&directConnection=true',
      'mongodb+srv://crm:secret@cluster0.example.net/?retryWrites=true',
    ])('accepts %s', (uri) => {
      expect(loadConfig(mongo({ MONGODB_URI: uri }))).toMatchObject({
        CRM_READ_STORE: 'mongodb',
        MONGODB_URI: uri,
        MONGODB_DATABASE: 'crm',
        CRM_MONGODB_TRANSACTIONS: 'auto',
      });
    });

    it('takes the database and the transaction setting', () => {
      expect(
        loadConfig(
          mongo({
            MONGODB_URI: 'mongodb://localhost',
            MONGODB_DATABASE: 'crm_prod',
            CRM_MONGODB_TRANSACTIONS: 'never',
          }),
        ),
      ).toMatchObject({ MONGODB_DATABASE: 'crm_prod', CRM_MONGODB_TRANSACTIONS: 'never' });
    });

    it.each([undefined, ''])('requires MONGODB_URI (given %j)', (value) => {
      expect(problemWith(mongo({ MONGODB_URI: value }))).toContain(
        'MONGODB_URI is required when CRM_READ_STORE=mongodb',
      );
    });

    it.each([
      ['postgres://localhost:5432', 'must start with mongodb:// or mongodb+srv://'],
      ['localhost:27017', 'must start with mongodb:// or mongodb+srv://'],
      ['mongodb://', 'host list are required'],
      ['mongodb+srv://cluster0.example.net:27017', 'cannot have port number'],
      ['mongodb://localhost/?notAnOption=1', 'option notanoption is not supported'],
      ['mongodb://localhost:port', 'Unable to parse localhost:port'],
    ])('refuses %s, saying why', (uri, reason) => {
      const message = problemWith(mongo({ MONGODB_URI: uri }));
      expect(message).toContain(`MONGODB_URI=${JSON.stringify(uri)}`);
      expect(message).toContain('must be a MongoDB connection string');
      expect(message).toContain(reason);
    });

    it('never repeats a password from a refused URI', () => {
      const message = problemWith(mongo({ MONGODB_URI: 'mongodb://crm:s3cret@localhost:port' }));
      expect(message).not.toContain('s3cret');
      expect(message).toContain('mongodb://crm:***@localhost:port');
    });

    it.each(['a/b', 'read.models', 'x'.repeat(64)])('refuses MONGODB_DATABASE=%s', (name) => {
      expect(
        problemWith(mongo({ MONGODB_URI: 'mongodb://localhost', MONGODB_DATABASE: name })),
      ).toBe(
        `MONGODB_DATABASE=${JSON.stringify(name)}: must be 1-63 characters, none of /\\. "$*<>:|?`,
      );
    });

    it('refuses an unknown CRM_MONGODB_TRANSACTIONS', () => {
      expect(
        problemWith(
          mongo({ MONGODB_URI: 'mongodb://localhost', CRM_MONGODB_TRANSACTIONS: 'sometimes' }),
        ),
      ).toContain('CRM_MONGODB_TRANSACTIONS="sometimes"');
    });

    it('ignores MONGODB_URI while the read store is embedded', () => {
      expect(loadConfig({ MONGODB_URI: 'not one' })).toMatchObject({ CRM_READ_STORE: 'embedded' });
    });
  });

  it('names every problem at once', () => {
    const message = problemWith({
      CRM_EVENT_STORE: 'eventstoredb',
      CRM_READ_STORE: 'mongodb',
      MONGODB_URI: 'mongodb+srv://a:1',
      PORT: 'eighty',
    });
    expect(message.split('\n')).toEqual([
      'PORT="eighty": must be a whole number from 0 to 65535',
      'EVENTSTORE_CONNECTION_STRING is required when CRM_EVENT_STORE=eventstoredb',
      'MONGODB_URI="mongodb+srv://a:1": must be a MongoDB connection string ' +
        '(mongodb://host:27017/?replicaSet=rs0): mongodb+srv URI cannot have port number',
    ]);
  });

  describe('booleans', () => {
    it.each([
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
    ])('CRM_RUN_PROJECTIONS=%s is %s', (given, read) => {
      expect(loadConfig({ CRM_RUN_PROJECTIONS: given, CRM_RUN_PROCESSES: given })).toMatchObject({
        CRM_RUN_PROJECTIONS: read,
        CRM_RUN_PROCESSES: read,
      });
    });

    it.each(['yes', 'no', 'TRUE', 'False', ' 1', '2', 'on'])('refuses %j in one line', (given) => {
      expect(problemWith({ CRM_RUN_PROJECTIONS: given })).toBe(
        `CRM_RUN_PROJECTIONS=${JSON.stringify(given)}: must be true, false, 1 or 0`,
      );
      expect(problemWith({ CRM_RUN_PROCESSES: given })).toBe(
        `CRM_RUN_PROCESSES=${JSON.stringify(given)}: must be true, false, 1 or 0`,
      );
    });
  });

  describe('numbers quote what was given', () => {
    it.each([
      [{ PORT: 'abc' }, 'PORT="abc": must be a whole number from 0 to 65535'],
      [{ PORT: '70000' }, 'PORT=70000: must be a whole number from 0 to 65535'],
      [{ PORT: '80.5' }, 'PORT="80.5": must be a whole number from 0 to 65535'],
      [{ PORT: '-1' }, 'PORT=-1: must be a whole number from 0 to 65535'],
      [
        { CRM_METRICS_PORT: 'metrics' },
        'CRM_METRICS_PORT="metrics": must be a whole number from 0 to 65535',
      ],
      [{ CRM_READY_MAX_LAG: '-5' }, 'CRM_READY_MAX_LAG=-5: must be a whole number, at least 0'],
      [
        { CRM_BODY_LIMIT_BYTES: '1kb' },
        'CRM_BODY_LIMIT_BYTES="1kb": must be a whole number, at least 1024',
      ],
      [
        { CRM_READ_WAIT_TIMEOUT_MS: '99999' },
        'CRM_READ_WAIT_TIMEOUT_MS=99999: must be a whole number from 0 to 60000',
      ],
    ])('%j', (env, message) => {
      expect(problemWith(env)).toBe(message);
    });

    it('reads the ones given', () => {
      expect(
        loadConfig({ PORT: '8080', CRM_METRICS_PORT: '9464', CRM_READY_MAX_LAG: '50' }),
      ).toMatchObject({ PORT: 8080, CRM_METRICS_PORT: 9464, CRM_READY_MAX_LAG: 50 });
    });
  });

  it.each([
    [{ CRM_LOG_FORMAT: 'xml' }, 'CRM_LOG_FORMAT="xml": must be one of json, text'],
    [
      { CRM_LOG_LEVEL: 'info' },
      'CRM_LOG_LEVEL="info": must be one of error, warn, log, debug, verbose',
    ],
    [
      { CRM_EVENT_STORE: 'postgres' },
      'CRM_EVENT_STORE="postgres": must be one of sqlite, eventstoredb',
    ],
  ])('choices list what is accepted: %j', (env, message) => {
    expect(problemWith(env)).toBe(message);
  });

  describe('every other refusal: the variable, what was given, what it must be', () => {
    const JWT = { CRM_AUTH_ISSUER: 'https://issuer.example.com', CRM_AUTH_AUDIENCE: 'crm' };
    it.each([
      [{ CRM_DOCS: 'yes' }, 'CRM_DOCS="yes": must be one of on, off'],
      [
        { CRM_SQLITE_SYNCHRONOUS: 'OFF' },
        'CRM_SQLITE_SYNCHRONOUS="OFF": must be one of FULL, NORMAL',
      ],
      [{ CRM_READ_STORE: 'redis' }, 'CRM_READ_STORE="redis": must be one of embedded, mongodb'],
      [
        { CRM_READ_STORE: 'mongodb', MONGODB_URI: 'mongodb://x', CRM_MONGODB_TRANSACTIONS: 'some' },
        'CRM_MONGODB_TRANSACTIONS="some": must be one of auto, always, never',
      ],
      [{ CRM_READ_CACHE_MB: '0' }, 'CRM_READ_CACHE_MB=0: must be a whole number from 1 to 65536'],
      [
        { CRM_AUTH_CLOCK_TOLERANCE_SECONDS: '61' },
        'CRM_AUTH_CLOCK_TOLERANCE_SECONDS=61: must be a whole number from 0 to 60',
      ],
      [
        { CRM_AUTH_CLOCK_TOLERANCE_SECONDS: 'x' },
        'CRM_AUTH_CLOCK_TOLERANCE_SECONDS="x": must be a whole number from 0 to 60',
      ],
      [
        { CRM_RATE_LIMIT_PER_MINUTE: '0' },
        'CRM_RATE_LIMIT_PER_MINUTE=0: must be a whole number, at least 1',
      ],
      [
        { CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE: 'many' },
        'CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE="many": must be a whole number, at least 1',
      ],
      [
        { CRM_METRICS_HOST: 'local host' },
        'CRM_METRICS_HOST="local host": must be a host name or address, such as 127.0.0.1',
      ],
      [
        { CRM_BOOTSTRAP_TENANT: 'a b' },
        'CRM_BOOTSTRAP_TENANT="a b": must be 1-64 letters, digits, _ or -, starting with a letter or digit',
      ],
      [
        { CRM_AUTH_JWKS_URL: 'ftp://keys.example.com', ...JWT },
        'CRM_AUTH_JWKS_URL="ftp://keys.example.com": must be an http:// or https:// URL',
      ],
      [
        { CRM_AUTH_JWT_PUBLIC_KEY: 'abc', ...JWT },
        'CRM_AUTH_JWT_PUBLIC_KEY="abc": must be a PEM public key (-----BEGIN PUBLIC KEY-----)',
      ],
      [
        { CRM_AUTH_JWT_SECRET: 'short', ...JWT },
        'CRM_AUTH_JWT_SECRET: must be at least 32 characters',
      ],
      [
        { CRM_AUTH_JWT_SECRET: 'x'.repeat(32) },
        'CRM_AUTH_ISSUER is required when JWTs are accepted\n' +
          'CRM_AUTH_AUDIENCE is required when JWTs are accepted',
      ],
      [
        { CRM_AUTH_JWT_SECRET: 'x'.repeat(32), CRM_AUTH_JWKS_URL: 'https://k.example.com', ...JWT },
        'set only one of CRM_AUTH_JWKS_URL, CRM_AUTH_JWT_PUBLIC_KEY and CRM_AUTH_JWT_SECRET',
      ],
      [
        { CRM_AUTH_TENANT_CLAIM: 'a b' },
        'CRM_AUTH_TENANT_CLAIM="a b": must be a claim name: 1-200 letters, digits or _ : / . -',
      ],
      [
        { CRM_AUTH_ROLES_CLAIM: 'a b' },
        'CRM_AUTH_ROLES_CLAIM="a b": must be a claim name: 1-200 letters, digits or _ : / . -',
      ],
      [
        { CRM_CORS_ORIGINS: 'crm.example.com' },
        'CRM_CORS_ORIGINS="crm.example.com": must be comma-separated origins such as https://crm.example.com',
      ],
    ])('%j', (env, message) => {
      expect(problemWith(env)).toBe(message);
    });
  });
});

describe('withEsdbScheme', () => {
  it.each([
    ['kurrentdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kurrentdb+discover://cluster:2113', 'esdb+discover://cluster:2113'],
    ['esdb://localhost:2113', 'esdb://localhost:2113'],
  ])('hands %s to the client as %s', (given, handed) => {
    expect(withEsdbScheme(given)).toBe(handed);
  });
});
