import {
  ApiKeyAdministration,
  BOOTSTRAP_KEY_FILE,
  ensureBootstrapAdminKey,
  loadConfig,
} from '@crm/application';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { runCli } from '../../apps/cli/src/cli';

const collector = () => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => text };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API on a data directory, and the CLI run beside it on the same directory. */
describe('API keys managed by the CLI beside a running API', () => {
  let dir: string;
  let app: NestFastifyApplication;
  const env = () => ({ CRM_DATA_DIR: dir, CRM_LOG_LEVEL: 'error' as const });

  const cli = async (argv: string[]) => {
    const stdout = collector();
    const stderr = collector();
    const code = await runCli(argv, { stdout: stdout.stream, stderr: stderr.stream, env: env() });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  /** How long until the API answers `status` to a request with this key; fails after 1 s. */
  const becomes = async (secret: string, status: number): Promise<number> => {
    const started = Date.now();
    for (;;) {
      const response = await request(app.getHttpServer())
        .get('/tasks?assigneeId=u-1')
        .set('authorization', `Bearer ${secret}`);
      if (response.status === status) return Date.now() - started;
      if (Date.now() - started > 1000) {
        throw new Error(`still ${response.status} after 1 s (wanted ${status})`);
      }
      await sleep(20);
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-keys-'));
    app = await createApp({
      config: loadConfig({ ...env(), CRM_RUN_PROCESSES: 'false' }),
      documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
      logger: false,
    });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a bootstrap admin key on the first start only, to a 0600 file', async () => {
    const keys = app.get(ApiKeyAdministration);
    const path = await ensureBootstrapAdminKey(keys, { dataDir: dir, tenantId: 'default' });
    expect(path).toBe(join(dir, BOOTSTRAP_KEY_FILE));
    expect(statSync(join(dir, BOOTSTRAP_KEY_FILE)).mode & 0o777).toBe(0o600);
    const secret = readFileSync(join(dir, BOOTSTRAP_KEY_FILE), 'utf8').trim();
    const listed = await request(app.getHttpServer())
      .get('/api-keys')
      .set('authorization', `Bearer ${secret}`)
      .expect(200);
    expect(listed.body.keys).toEqual([
      expect.objectContaining({
        tenantId: 'default',
        subject: 'bootstrap-admin',
        roles: ['admin'],
      }),
    ]);
    expect(
      await ensureBootstrapAdminKey(keys, { dataDir: dir, tenantId: 'default' }),
    ).toBeUndefined();
    expect(readFileSync(join(dir, BOOTSTRAP_KEY_FILE), 'utf8').trim()).toBe(secret);
  });

  it('a key the CLI creates works within a second; one it revokes is refused within a second', async () => {
    const created = await cli([
      'api-keys',
      'create',
      ...[
        '--tenant',
        'acme',
        '--subject',
        'etl',
        '--roles',
        'manager,analyst',
        '--expires',
        'P90D',
      ],
    ]);
    expect(created.code).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    const secret = lines[lines.length - 1];
    expect(secret).toMatch(/^crm_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).not.toContain(secret);
    expect(await becomes(secret, 200)).toBeLessThan(1000);

    const listed = await cli(['api-keys', 'list', '--tenant', 'acme']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('etl');
    expect(listed.stdout).not.toContain(secret);
    const keyId = /key_[0-9a-f]{32}/.exec(listed.stdout)?.[0];
    expect(keyId).toBeDefined();

    const revoked = await cli(['api-keys', 'revoke', keyId as string]);
    expect(revoked.code).toBe(0);
    expect(await becomes(secret, 401)).toBeLessThan(1000);
  });

  it('refuses unknown roles and a past expiry, and says when a key does not exist', async () => {
    const badRole = await cli([
      'api-keys',
      'create',
      '--tenant',
      'acme',
      '--subject',
      's',
      '--roles',
      'root',
    ]);
    expect(badRole.code).toBe(2);
    const past = await cli([
      'api-keys',
      'create',
      ...['--tenant', 'acme', '--subject', 's', '--roles', 'admin', '--expires', '2001-01-01'],
    ]);
    expect(past.code).toBe(2);
    const missing = await cli(['api-keys', 'revoke', 'key_00000000000000000000000000000000']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });
});
