/**
 * A `lookup` for net/tls.connect that resolves the host and refuses it when any address it resolves
 * to is not allowed. The socket then connects to exactly the addresses checked here, so a DNS answer
 * that changes between a check and the connection (DNS rebinding) cannot slip through.
 */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type AddressPolicy, refusedAddressReason } from './address-policy';
import { NOT_PUBLIC } from './url-check';
import { UnsafeUrlError } from './errors';

type Resolve = (hostname: string) => Promise<dns.LookupAddress[]>;

const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export function safeLookup(policy: AddressPolicy, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        for (const a of wanted) {
          const reason = refusedAddressReason(a.address, policy);
          if (reason) return callback(new UnsafeUrlError(NOT_PUBLIC, `${hostname} resolves to ${a.address} (${reason})`), '', 0);
        }
        if (options.all) (callback as unknown as (err: null, addresses: dns.LookupAddress[]) => void)(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
}
