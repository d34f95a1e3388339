/**
 * Values of the internal load balancer (keepalived + HAProxy) that are derived rather than entered.
 * Pure; shared by the rules, the wizard's LB step and the LB stage's renderer.
 */
import { parseIPv4 } from './net';
import type { InternalLoadBalancer } from './schema';

/** keepalived's own example id, used only while the VIP is not an address yet. */
const FALLBACK_ROUTER_ID = 51;

/**
 * The VIP's last octet (0 → 1): two VIPs of one subnet never share it, so two wizard-built load
 * balancers on the same network do not answer each other's VRRP adverts.
 */
export function defaultVirtualRouterId(vip: string): number {
  const address = parseIPv4(vip);
  if (address === undefined) return FALLBACK_ROUTER_ID;
  return address % 256 === 0 ? 1 : address % 256;
}

export function virtualRouterIdOf(lb: InternalLoadBalancer): number {
  return lb.virtualRouterId ?? defaultVirtualRouterId(lb.vip);
}

/** keepalived reads only the first 8 characters of `auth_pass`. */
export const VRRP_PASSWORD_MAX = 8;

/** Characters keepalived.conf takes in a bare word: no blank, quote, comment sign, brace or backslash. */
export const VRRP_PASSWORD_PATTERN = /^[A-Za-z0-9._~@%^*+=:,/?$&()[\]<>|-]+$/;

/** Linux interface names: at most 15 bytes, no '/', no blank (IFNAMSIZ). */
export const INTERFACE_NAME_PATTERN = /^[A-Za-z0-9_.:@-]{1,15}$/;

/** What the host checks cover of the internal load balancer (the LB step says it). */
export const INTERNAL_LB_CHECKS_NOTE =
  "The host checks log in to the LB hosts like to every host (host key, SSH, sudo) and check on each: its IP on an interface, the VRRP interface holding the VIP's subnet, the listen port free, HAProxy and keepalived installed or in its package sources. Across the hosts they check that nobody answers on the virtual IP yet (an ARP request from the LB hosts), that the VIP is in the subnet of the masters' interfaces, and that VRRP (IP protocol 112) gets through between every two LB hosts.";
