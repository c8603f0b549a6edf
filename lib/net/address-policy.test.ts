import { describe, expect, it } from 'vitest';
import { refusedAddressReason } from './address-policy';
import { UnsafeUrlError } from './errors';
import { checkOutboundUrl } from './url-check';

const strict = { allowLoopback: false };
const simulators = { allowLoopback: true };

describe('refusedAddressReason', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
  ])('refuses %s (%s)', (ip, reason) => {
    expect(refusedAddressReason(ip, strict)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])('allows public %s', (ip) => {
    expect(refusedAddressReason(ip, strict)).toBeNull();
  });

  it('with ALLOW_INSECURE_PROVIDER_URLS allows loopback only: link-local, private and CGNAT stay refused', () => {
    expect(refusedAddressReason('127.0.0.1', simulators)).toBeNull();
    expect(refusedAddressReason('::1', simulators)).toBeNull();
    expect(refusedAddressReason('::ffff:127.0.0.1', simulators)).toBeNull();
    expect(refusedAddressReason('169.254.169.254', simulators)).toBe('linkLocal');
    expect(refusedAddressReason('10.0.0.5', simulators)).toBe('private');
    expect(refusedAddressReason('100.100.100.200', simulators)).toBe('carrierGradeNat');
    expect(refusedAddressReason('fd00:ec2::254', simulators)).toBe('uniqueLocal');
  });

  it('refuses what is not an IP address', () => {
    expect(refusedAddressReason('example.com', strict)).toBe('not an IP address');
  });
});

describe('checkOutboundUrl', () => {
  const refused = (url: string, policy = strict) => {
    try {
      checkOutboundUrl(new URL(url), policy);
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(UnsafeUrlError);
      return (err as UnsafeUrlError).detail;
    }
  };

  it('sees through decimal, octal, hex and short IPv4 forms (URL parsing normalises them)', () => {
    expect(new URL('http://2130706433/').hostname).toBe('127.0.0.1');
    expect(refused('http://2130706433/')).toBe('127.0.0.1 is loopback');
    expect(refused('http://0177.0.0.1/')).toBe('127.0.0.1 is loopback');
    expect(refused('http://0x7f.1/')).toBe('127.0.0.1 is loopback');
    expect(refused('http://0xa9fea9fe/latest/meta-data/')).toBe('169.254.169.254 is linkLocal');
    expect(refused('http://169.254.43518/', simulators)).toBe('169.254.169.254 is linkLocal');
    expect(refused('http://10.1/')).toBe('10.0.0.1 is private');
  });

  it('sees through bracketed IPv6 literals, mapped and NAT64 forms', () => {
    expect(refused('http://[::1]:8080/')).toBe('::1 is loopback');
    expect(refused('http://[::ffff:169.254.169.254]/', simulators)).toBe('::ffff:a9fe:a9fe is linkLocal');
    expect(refused('http://[::ffff:7f00:1]/')).toBe('::ffff:7f00:1 is loopback');
    expect(refused('http://[64:ff9b::192.168.0.1]/')).toBe('64:ff9b::c0a8:1 is private');
    expect(refused('http://[fe80::1]/')).toBe('fe80::1 is linkLocal');
  });

  it('refuses schemes other than http and https', () => {
    expect(refused('file:///etc/passwd')).toBe('scheme file:');
    expect(refused('ftp://example.com/x')).toBe('scheme ftp:');
    expect(refused('data:text/plain,hi')).toBe('scheme data:');
  });

  it('lets public literals and host names through (names are checked after DNS resolution)', () => {
    expect(refused('https://93.184.215.14/x')).toBeNull();
    expect(refused('https://[2606:4700:4700::1111]/')).toBeNull();
    expect(refused('https://cdn.example.com/a.png')).toBeNull();
  });
});
