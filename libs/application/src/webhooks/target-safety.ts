import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Ranges a webhook may not reach unless configuration allows them: not the public internet. */
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const BLOCKED_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
BLOCKED_V4.forEach(([network, prefix]) => blocked.addSubnet(network, prefix, 'ipv4'));
BLOCKED_V6.forEach(([network, prefix]) => blocked.addSubnet(network, prefix, 'ipv6'));

/** An IPv4 address mapped into IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address. */
const unmapped = (address: string): string => {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1] : address;
};

const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 4 ? 'ipv4' : 'ipv6');

/** The configured exceptions: addresses and CIDR ranges, comma-separated. */
export const parseAllowedTargets = (text: string | undefined): BlockList => {
  const allowed = new BlockList();
  for (const entry of (text ?? '').split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const [address, prefix] = entry.split('/');
    if (!isIP(address)) throw new Error(`${entry} is not an IP address or CIDR range`);
    if (prefix === undefined) allowed.addAddress(address, familyOf(address));
    else allowed.addSubnet(address, Number(prefix), familyOf(address));
  }
  return allowed;
};

/** A resolver that does not answer does not hold a registration or a delivery for long. */
const LOOKUP_TIMEOUT_MS = 3000;

const withTimeout = async <T>(promise: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

export class TargetRefusedError extends Error {
  readonly code = 'WEBHOOK_TARGET_REFUSED';
  constructor(reason: string) {
    super(reason);
    this.name = 'TargetRefusedError';
  }
}

/** Decides which addresses webhook deliveries may connect to. */
export class TargetPolicy {
  constructor(private readonly allowed: BlockList = new BlockList()) {}

  static fromConfig(allowedTargets: string | undefined): TargetPolicy {
    return new TargetPolicy(parseAllowedTargets(allowedTargets));
  }

  /** Whether one resolved address may be reached. */
  permits(rawAddress: string): boolean {
    const address = unmapped(rawAddress);
    if (!isIP(address)) return false;
    const family = familyOf(address);
    if (this.allowed.check(address, family)) return true;
    return !blocked.check(address, family);
  }

  /**
   * Every address the host resolves to must be permitted (else a second resolution could pick
   * the private one). Answers the addresses, so the caller connects to one of those checked.
   */
  async resolve(host: string): Promise<{ address: string; family: 4 | 6 }[]> {
    const name = host.replace(/^\[(.*)\]$/, '$1');
    let addresses: { address: string; family: number }[];
    try {
      addresses = isIP(name)
        ? [{ address: name, family: isIP(name) }]
        : await withTimeout(lookup(name, { all: true, verbatim: true }), LOOKUP_TIMEOUT_MS);
    } catch (error) {
      throw new TargetRefusedError(`${name} does not resolve (${(error as Error).message})`);
    }
    const refused = addresses.find(({ address }) => !this.permits(address));
    if (refused || addresses.length === 0) {
      throw new TargetRefusedError(
        `${name} resolves to ${refused?.address ?? 'nothing'}, a private, loopback or reserved ` +
          'address; allow it with CRM_WEBHOOK_ALLOWED_TARGETS',
      );
    }
    return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  }

  /** A target URL: http or https, no credentials in it, a host that resolves to permitted addresses. */
  async check(url: string): Promise<URL> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TargetRefusedError(`${url} is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new TargetRefusedError('a webhook target is an http or https URL');
    }
    if (parsed.username || parsed.password) {
      throw new TargetRefusedError('a webhook target URL carries no credentials');
    }
    await this.resolve(parsed.hostname);
    return parsed;
  }
}
