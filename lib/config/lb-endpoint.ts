import type { LoadBalancer } from './schema';

/** What the installer is told about a load balancer (`loadbalancer_apiserver` and its domain). */
export interface LoadBalancerEndpoint {
  address: string;
  port: number;
  domain: string;
}

/**
 * The API endpoint the cluster uses: an external LB's address, or the internal one's VIP, both with
 * their listen port. To the installer an internal LB is exactly an external one. None: undefined.
 */
export function loadBalancerEndpoint(lb: LoadBalancer): LoadBalancerEndpoint | undefined {
  switch (lb.kind) {
    case 'none':
      return undefined;
    case 'external':
      return { address: lb.address, port: lb.port, domain: lb.domain };
    case 'internal':
      return { address: lb.vip, port: lb.port, domain: lb.domain };
  }
}
