import { TargetPolicy, TargetRefusedError } from './target-safety';

describe('webhook target safety', () => {
  const strict = new TargetPolicy();

  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(strict.permits(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'permits the public address %s',
    (address) => {
      expect(strict.permits(address)).toBe(true);
    },
  );

  it('permits what the allow-list names, and only that', () => {
    const policy = TargetPolicy.fromConfig('127.0.0.1, 10.0.0.0/8,::1');
    expect(policy.permits('127.0.0.1')).toBe(true);
    expect(policy.permits('127.0.0.2')).toBe(false);
    expect(policy.permits('10.200.0.1')).toBe(true);
    expect(policy.permits('::1')).toBe(true);
    expect(policy.permits('192.168.0.1')).toBe(false);
    expect(() => TargetPolicy.fromConfig('localhost')).toThrow(/not an IP address/);
  });

  it('checks URLs: scheme, credentials, and every address the host resolves to', async () => {
    await expect(strict.check('http://127.0.0.1:9/hook')).rejects.toThrow(TargetRefusedError);
    await expect(strict.check('http://[::1]/hook')).rejects.toThrow(TargetRefusedError);
    await expect(strict.check('http://localhost/hook')).rejects.toThrow(/private, loopback/);
    await expect(strict.check('ftp://93.184.216.34/')).rejects.toThrow(/http or https/);
    await expect(strict.check('https://u:p@93.184.216.34/')).rejects.toThrow(/no credentials/);
    await expect(strict.check('nonsense')).rejects.toThrow(/not a URL/);
    await expect(strict.check('https://93.184.216.34/hook')).resolves.toBeInstanceOf(URL);
    const local = TargetPolicy.fromConfig('127.0.0.1');
    await expect(local.check('http://127.0.0.1:9/hook')).resolves.toBeInstanceOf(URL);
  });
});
