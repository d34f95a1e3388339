'use client';

import { Paper, Text } from '@mantine/core';
import { virtualRouterIdOf } from '@/lib/config/internal-lb';
import type { LoadBalancer } from '@/lib/config/schema';

/** One paragraph on Review: the load balancer the cluster gets, and who builds it. */
export function LoadBalancerSummary({ lb }: { lb: LoadBalancer }) {
  let text: string;
  switch (lb.kind) {
    case 'none':
      text = 'None: each worker reaches the masters through its local nginx proxy.';
      break;
    case 'external':
      text = `External, at ${lb.address || '?'}:${lb.port} (${lb.domain}): you create it before installing.`;
      break;
    case 'internal':
      text = `Internal, built by the wizard before the cluster: keepalived + HAProxy on ${lb.hosts.map((h) => `${h.name || '?'} (${h.ip || '?'})`).join(', ') || 'no host yet'}, virtual IP ${lb.vip || '?'}/${lb.prefixLength} on port ${lb.port} (${lb.domain}), virtual router id ${virtualRouterIdOf(lb)}, VRRP password ${lb.vrrpPassword.set ? 'set' : 'not set'}. The cluster sees it exactly as an external load balancer.`;
      break;
  }
  return (
    <Paper withBorder p="sm" aria-label="Load balancer summary">
      <Text size="sm">
        <Text span fw={600} size="sm">
          Load balancer:{' '}
        </Text>
        {text}
      </Text>
    </Paper>
  );
}
