import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** How a receiver's name resolves: every address it answers (the system resolver by default; tests inject one). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Where webhooks may go: from WEBHOOK_ALLOW_PRIVATE_ADDRESSES and WEBHOOK_ALLOW_HTTP. */
export interface DestinationPolicy {
  /** Loopback, private and other non-public addresses too (receivers inside your own network, tests). */
  allowPrivate: boolean;
  /** `http:` URLs too; implied by `allowPrivate`, whose receivers are often plain HTTP. */
  allowHttp: boolean;
  resolve: Resolver;
}

// Global unicast IPv6 is 2000::/3. Outside it, what ipaddr.js calls 'unicast' is unassigned or
// deprecated space, such as the IPv4-compatible ::a.b.c.d, which some stacks still route to IPv4.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Whether an address is anything but a public unicast one: loopback, private, link-local (cloud
 * metadata), carrier-grade NAT, multicast, reserved, or an IPv6 form that carries or reaches an
 * IPv4 address (NAT64 64:ff9b::/96, 6to4, Teredo, IPv4-compatible), or site-local. ipaddr.js keeps
 * the ranges; an IPv4-mapped address (::ffff:a.b.c.d, which Node's URL parser writes as
 * ::ffff:7f00:1) is judged as the IPv4 address it is. Anything unparseable counts as private.
 */
export function isPrivateAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return true;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.range() !== 'unicast') return true;
  return addr.kind() === 'ipv6' && !(addr as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

/**
 * Why a webhook may not go to this URL as written, or undefined: the scheme, and a host written as
 * an address (which is connected to without any lookup). A host name is checked where it is
 * resolved: `refusedDestination` when subscribing, `guardedLookup` at each connection.
 */
export function refusedUrl(
  url: string,
  policy: Pick<DestinationPolicy, 'allowPrivate' | 'allowHttp'>,
): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the URL does not parse';
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && (policy.allowHttp || policy.allowPrivate))) {
    return `webhooks go over https only (${parsed.protocol} given)`;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate && ipaddr.isValid(host) && isPrivateAddress(host))
    return `${host} is a private or loopback address`;
  return undefined;
}

/**
 * Why a webhook may not go to this URL, or undefined when it may: a subscription must not make the
 * registry call into its own network (loopback, private ranges, cloud metadata) unless
 * WEBHOOK_ALLOW_PRIVATE_ADDRESSES says so, and goes over https unless WEBHOOK_ALLOW_HTTP says so.
 * This is the check when subscribing; each delivery checks again the addresses it connects to.
 */
export async function refusedDestination(url: string, policy: DestinationPolicy): Promise<string | undefined> {
  const refused = refusedUrl(url, policy);
  if (refused || policy.allowPrivate) return refused;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return undefined;
  let addresses: string[];
  try {
    addresses = (await policy.resolve(host)).map((a) => a.address);
  } catch {
    return `${host} does not resolve`;
  }
  if (addresses.length === 0) return `${host} does not resolve`;
  const inside = addresses.find(isPrivateAddress);
  return inside ? `${host} resolves to a private or loopback address (${inside})` : undefined;
}

/** The error a refused connection fails with, so the delivery log says why. */
export class DestinationRefused extends Error {
  readonly code = 'EDESTINATIONREFUSED';
}

/**
 * A `lookup` for the sockets of webhook deliveries: the addresses a name resolves to at connection
 * time are the ones checked and the ones connected to, so a name that answered a public address
 * when subscribing and answers 127.0.0.1 now (DNS rebinding) connects nowhere. A name that answers
 * any private address is refused whole, as when subscribing.
 */
export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    policy.resolve(hostname).then(
      (all) => {
        const inside = policy.allowPrivate ? undefined : all.find((a) => isPrivateAddress(a.address));
        if (inside)
          return callback(
            new DestinationRefused(`${hostname} resolves to a private or loopback address (${inside.address})`),
            '',
            0,
          );
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const wanted = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
        const [first] = wanted;
        if (first === undefined)
          return callback(Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return callback(null, wanted);
        callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
