/**
 * Which IP addresses an outbound fetch may connect to. Only globally routable unicast is allowed:
 * private, loopback, link-local (169.254.x: cloud metadata), CGNAT, multicast, unspecified, reserved
 * and documentation ranges are refused, including when wrapped in IPv6 (IPv4-mapped ::ffff:a.b.c.d,
 * NAT64 64:ff9b::/96, 6to4 2002::/16), where the embedded IPv4 address decides.
 */
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /** Simulators on 127.0.0.1 / ::1 (ALLOW_INSECURE_PROVIDER_URLS=true). Nothing else is relaxed. */
  allowLoopback: boolean;
}

/** The embedded IPv4 address of mapped, NAT64 and 6to4 forms; the address itself otherwise. */
function unwrap(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'ipv4Mapped') return v6.toIPv4Address();
  const parts = v6.parts;
  if (range === 'rfc6052' && parts[2] === 0) return ipv4FromWords(parts[6], parts[7]); // 64:ff9b::/96
  if (range === '6to4') return ipv4FromWords(parts[1], parts[2]);
  return v6;
}

const ipv4FromWords = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);

/**
 * Why `ip` may not be reached, or null when it may. `ip` must be an IP literal (a resolved address or
 * a URL's hostname without brackets); anything else is refused.
 */
export function refusedAddressReason(ip: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(ip)) return 'not an IP address';
  // ipaddr.parse also reads legacy forms (0x7f.1, 0177.0.0.1); URL parsing already normalised them.
  const address = unwrap(ipaddr.parse(ip));
  const range = address.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && policy.allowLoopback) return null;
  return range;
}
