/**
 * Address, name and size syntax the installer depends on. Pure functions, no I/O.
 *
 * IPv4 addresses are handled as unsigned 32-bit integers. Only dotted-quad IPv4 is accepted:
 * KubeSphere 2.0 / Kubespray 2.9 is IPv4 only, and a leading zero (`192.168.01.1`) is refused
 * because some tools read it as octal.
 */

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** The address as an unsigned 32-bit number, or undefined when it is not a dotted-quad IPv4. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A parsed, network-aligned IPv4 CIDR block. `size` is the number of addresses it spans. */
export interface Cidr {
  text: string;
  network: number;
  prefix: number;
  size: number;
}

export type CidrParseResult = { ok: true; cidr: Cidr } | { ok: false; problem: string };

/**
 * Parses `a.b.c.d/n`. The address must be the network address of the block
 * (`10.233.1.0/18` is refused: its network address is 10.233.0.0).
 */
export function parseCidr(text: string): CidrParseResult {
  const match = /^([^/]+)\/([0-9]{1,2})$/.exec(text.trim());
  if (!match) return { ok: false, problem: `"${text}" is not a CIDR block such as 10.233.0.0/18` };
  const [, addressText, prefixText] = match;
  const address = parseIPv4(addressText);
  if (address === undefined) return { ok: false, problem: `"${addressText}" is not an IPv4 address` };
  const prefix = Number(prefixText);
  if (prefix > 32) return { ok: false, problem: `prefix /${prefix} is larger than /32` };
  const size = 2 ** (32 - prefix);
  const network = address - (address % size);
  if (network !== address) {
    return {
      ok: false,
      problem: `${text} is not a network address: with /${prefix} the block starts at ${formatIPv4(network)} (use ${formatIPv4(network)}/${prefix})`,
    };
  }
  return { ok: true, cidr: { text: text.trim(), network, prefix, size } };
}

function toCidr(value: Cidr | string): Cidr | undefined {
  if (typeof value !== 'string') return value;
  const parsed = parseCidr(value);
  return parsed.ok ? parsed.cidr : undefined;
}

/** True when the two blocks share at least one address. False when either does not parse. */
export function cidrsOverlap(a: Cidr | string, b: Cidr | string): boolean {
  const left = toCidr(a);
  const right = toCidr(b);
  if (!left || !right) return false;
  return left.network < right.network + right.size && right.network < left.network + left.size;
}

/** True when `ip` is an IPv4 address inside the block. False when either does not parse. */
export function cidrContains(cidr: Cidr | string, ip: string): boolean {
  const block = toCidr(cidr);
  const address = parseIPv4(ip);
  if (!block || address === undefined) return false;
  return address >= block.network && address < block.network + block.size;
}

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Kubespray's "Stop if bad hostname" pattern, `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`,
 * plus the DNS limits: at most 63 characters per label and 253 in total. Lower case only.
 */
export function isRfc1123Hostname(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  return text.split('.').every((label) => label.length <= 63 && RFC1123_LABEL.test(label));
}

/** A single DNS-1123 label (Kubernetes object names such as StorageClass names in the installer). */
export function isDns1123Label(text: string): boolean {
  return text.length <= 63 && RFC1123_LABEL.test(text);
}

/**
 * A DNS name (any case, RFC-1123 syntax). Something made only of digits and dots is an attempt at an
 * IP address, not a name, so `192.168.0.300` is refused here.
 */
export function isDnsName(text: string): boolean {
  if (/^[0-9.]+$/.test(text)) return false;
  return isRfc1123Hostname(text.toLowerCase());
}

/** An SSH address: an IPv4 address or a DNS name. */
export function isHostnameOrIPv4(text: string): boolean {
  return isIPv4(text) || isDnsName(text);
}

export interface HostPort {
  host: string;
  port: number;
}

/** `host:port` or `ip:port`, port 1–65535. */
export function parseHostPort(text: string): HostPort | undefined {
  const match = /^([^:\s]+):([0-9]{1,5})$/.exec(text);
  if (!match) return undefined;
  const [, host, portText] = match;
  const port = Number(portText);
  if (!isHostnameOrIPv4(host) || !isValidPort(port)) return undefined;
  return { host, port };
}

/** `ip:port` with an IPv4 address. */
export function isIPv4WithPort(text: string): boolean {
  const parsed = parseHostPort(text);
  return parsed !== undefined && isIPv4(parsed.host);
}

/** An absolute http:// or https:// URL with a host. */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/**
 * The value of a Kubernetes resource quantity (`400Mi`, `8Gi`, `1.5G`, `1e9`), in base units, or
 * undefined when Kubernetes would fail with "unable to parse quantity's suffix" (FAQ 4.14).
 * Signs are refused: every quantity the wizard asks for is a memory or volume size.
 */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, numberText, suffix = ''] = match;
  const number = Number(numberText);
  if (/^[eE]/.test(suffix)) return number * 10 ** Number(suffix.slice(1));
  const multiplier = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  return multiplier === undefined ? undefined : number * multiplier;
}

export function isKubernetesQuantity(text: string): boolean {
  return parseQuantity(text) !== undefined;
}
