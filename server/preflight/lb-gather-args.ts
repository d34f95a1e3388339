/** What an internal LB host's gather needs from the config (pure): the LB part's arguments and the listen port. */
import type { Host, InstallConfig } from '@/lib/config/schema';
import { internalLbOf, lbHostNamed } from './checks/lb-host';
import { lbGatherArgs } from './lb-gather-script';

/** The LB part's arguments for `host` (its VRRP interface and IP, the other LB hosts' IPs); undefined for a host that is no LB host. */
export function lbGatherArgsFor(host: Host, config: InstallConfig): string[] | undefined {
  const lb = internalLbOf(config);
  const me = lbHostNamed(config, host.name);
  if (!lb || !me) return undefined;
  const peers = lb.hosts.filter((h) => h !== me && h.ip !== '' && h.ip !== me.ip).map((h) => h.ip);
  return lbGatherArgs({ vip: lb.vip, vrrpInterface: me.vrrpInterface, ip: me.ip, peers });
}

/** The port HAProxy will listen on (the gather names its listener's process when it is taken). */
export function lbListenPorts(config: InstallConfig): number[] {
  const lb = internalLbOf(config);
  return lb ? [lb.port] : [];
}
