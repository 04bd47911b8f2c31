import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSecretsKey, parseSecretsKey, SecretBox, SecretUnsealError } from './secret-sealing';

describe('sealed secrets', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('whsec_very-secret', 'wh_1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('very-secret');
    expect(box.open(sealed, 'wh_1')).toBe('whsec_very-secret');
    expect(box.seal('whsec_very-secret', 'wh_1')).not.toBe(sealed);
  });

  it('refuses another key, another context and altered text', () => {
    const sealed = box.seal('s3cret', 'wh_1');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'wh_1')).toThrow(SecretUnsealError);
    expect(() => box.open(sealed, 'wh_2')).toThrow(SecretUnsealError);
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.'), 'wh_1')).toThrow(
      SecretUnsealError,
    );
    expect(() => box.open('plain', 'wh_1')).toThrow(SecretUnsealError);
  });

  it('reads a configured key as hex or base64 and refuses another length', () => {
    const key = randomBytes(32);
    expect(parseSecretsKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseSecretsKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseSecretsKey(randomBytes(16).toString('hex'))).toThrow(/32 bytes/);
  });

  it('generates a key file of mode 0600 once and reads the same key back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-secrets-'));
    try {
      const first = loadSecretsKey({ dataDir: dir });
      const path = join(dir, 'secrets.key');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path, 'utf8').trim()).toBe(first.toString('hex'));
      expect(loadSecretsKey({ dataDir: dir }).equals(first)).toBe(true);
      const configured = randomBytes(32);
      expect(
        loadSecretsKey({ dataDir: dir, configured: configured.toString('hex') }).equals(configured),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
