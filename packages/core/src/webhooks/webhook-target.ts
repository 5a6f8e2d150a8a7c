import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may post. Only public unicast addresses are reachable, whatever notation a URL
 * uses (decimal, octal or hex IPv4, IPv4-mapped or -embedding IPv6): loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, unique-local, multicast, unspecified and
 * reserved ranges are refused, unless an operator lists them in `allowedRanges` (development).
 */
export interface WebhookTargetPolicy {
  /** CIDR ranges or single addresses that are allowed although internal, e.g. `127.0.0.1/32`. */
  allowedRanges: readonly string[];
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseRanges(ranges: readonly string[]): Range[] {
  return ranges.map((r) => {
    const spec = r.includes('/') ? r : `${r}/${ipaddr.parse(r).kind() === 'ipv4' ? 32 : 128}`;
    return ipaddr.parseCIDR(spec);
  });
}

/** Whether `value` is a syntactically valid CIDR range or address, for validating the setting. */
export function isAddressRange(value: string): boolean {
  try {
    parseRanges([value]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why `address` must not be reached, or null when it may. IPv4-mapped IPv6 is judged as the IPv4
 * address it carries; anything outside the public unicast ranges is refused.
 */
export function refusedAddress(address: string, policy: WebhookTargetPolicy): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  } catch {
    return `'${address}' is not an IP address`;
  }
  for (const [base, bits] of parseRanges(policy.allowedRanges)) {
    if (ip.kind() === base.kind() && ip.match(base as never, bits)) return null;
  }
  const range = ip.range();
  return range === 'unicast' ? null : `${ip.toString()} is a ${range} address, which webhooks may not reach`;
}

/** Host names that always mean this machine or its private network, whatever DNS says. */
const LOCAL_NAMES = /(^|\.)(localhost|localdomain|internal|local|home\.arpa)$/i;

/**
 * Check a webhook URL without touching the network: http(s) only, no credentials, and a host that
 * is not an internal address literal or a local name. Returns the problem, or null.
 */
export function checkWebhookUrl(raw: string, policy: WebhookTargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an absolute http:// or https:// URL';
  if (url.username || url.password) return 'must not contain credentials (user:password@): authenticate with the signature instead';
  // The URL parser has already normalised every IPv4 notation (2130706433, 0x7f.1, 017700000001) to dotted decimal.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const refused = refusedAddress(host, policy);
    return refused ? `must not point at an internal address: ${refused}` : null;
  }
  if (LOCAL_NAMES.test(host.replace(/\.$/, ''))) {
    // A local name is judged by what it resolves to; allowed only where an operator allowed that range.
    return policy.allowedRanges.length ? null : `must not point at a local host name (${host})`;
  }
  return null;
}

/**
 * Resolve a host name and refuse internal addresses: the check a URL cannot get when it is saved,
 * because DNS may change later. Returns the problem, or null (also when the name does not resolve:
 * the delivery then fails on its own).
 */
export async function checkResolvedHost(host: string, policy: WebhookTargetPolicy): Promise<string | null> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(bare)) return refusedAddress(bare, policy);
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(bare, { all: true }, (err, found) => resolve(err ? [] : found)),
  );
  for (const a of addresses) {
    const refused = refusedAddress(a.address, policy);
    if (refused) return `${host} resolves to ${refused}`;
  }
  return null;
}

/** Thrown by a delivery whose host resolved to an address webhooks may not reach. */
export class RefusedTargetError extends Error {
  readonly code = 'TARGET_REFUSED';
}

/**
 * A DNS lookup for outgoing sockets that refuses internal addresses. It runs when the connection
 * is made, so a name that resolves differently between the check and the connection (DNS
 * rebinding) is still caught. IP literals never reach a lookup: check them with `refusedAddress`.
 */
export function guardedLookup(policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return (callback as (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void)(err, []);
      const list = addresses as LookupAddress[];
      for (const a of list) {
        const refused = refusedAddress(a.address, policy);
        if (refused) return callback(new RefusedTargetError(`${hostname} resolves to ${refused}`), '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** The answer of {@link postGuarded}. */
export interface GuardedResponse {
  status: number;
}

/**
 * POST `body` to `url` through sockets whose addresses are checked against `policy`. Redirects are
 * not followed (a redirect is an answer, judged by its status).
 */
export function postGuarded(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { policy: WebhookTargetPolicy; timeoutMs: number },
): Promise<GuardedResponse> {
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(literal)) {
    const refused = refusedAddress(literal, options.policy);
    if (refused) return Promise.reject(new RefusedTargetError(refused));
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.policy),
        timeout: options.timeoutMs,
        agent: false,
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(body);
  });
}
