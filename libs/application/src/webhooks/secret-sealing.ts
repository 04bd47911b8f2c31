import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A sealed secret as stored: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export type SealedSecret = string;

const VERSION = 'v1';
const KEY_FILE = 'secrets.key';

export class SecretUnsealError extends Error {
  constructor(reason: string) {
    super(`cannot unseal the secret: ${reason}`);
    this.name = 'SecretUnsealError';
  }
}

/** AES-256-GCM with one key: seals secrets before they go into the log, opens them to use them. */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('a secrets key is 32 bytes');
  }

  /** `context` (the webhook id) is authenticated too: a sealed secret only opens where it belongs. */
  seal(secret: string, context: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: SealedSecret, context: string): string {
    const [version, iv, tag, body, ...rest] = sealed.split('.');
    if (version !== VERSION || body === undefined || rest.length) {
      throw new SecretUnsealError('not a sealed secret');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretUnsealError('wrong key, or the sealed text was altered');
    }
  }
}

/** A configured key: 64 hex digits or base64 of 32 bytes. */
export const parseSecretsKey = (text: string): Buffer => {
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('CRM_SECRETS_KEY must be 32 bytes');
  return key;
};

/**
 * The key from CRM_SECRETS_KEY, or else the one in `<dataDir>/secrets.key`, generated there
 * (mode 0600) on first use. Every process on the same data directory shares that file.
 */
export const loadSecretsKey = (options: { configured?: string; dataDir: string }): Buffer => {
  if (options.configured !== undefined) return parseSecretsKey(options.configured);
  const path = join(options.dataDir, KEY_FILE);
  try {
    return parseSecretsKey(readFileSync(path, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx': a second process creating it at the same moment loses, and reads the winner's key.
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseSecretsKey(readFileSync(path, 'utf8').trim());
  }
};
