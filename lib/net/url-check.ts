/**
 * The checks made before connecting: only http(s), and an IP-literal host must pass the address
 * policy here because the DNS lookup (safe-lookup.ts) is skipped for literals. URL parsing has
 * already normalised decimal, octal and hex IPv4 forms (http://2130706433/ → 127.0.0.1).
 */
import { isIP } from 'node:net';
import { type AddressPolicy, refusedAddressReason } from './address-policy';
import { UnsafeUrlError } from './errors';

export const NOT_PUBLIC = 'The link points to an address that is not on the public Internet';

export function checkOutboundUrl(url: URL, policy: AddressPolicy): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnsafeUrlError('Only http and https links can be fetched', `scheme ${url.protocol}`);
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host)) {
    const reason = refusedAddressReason(host, policy);
    if (reason) throw new UnsafeUrlError(NOT_PUBLIC, `${host} is ${reason}`);
  }
}
