import { describe, expect, it } from 'vitest';
import { seedInternalLbConfig } from '../fixtures';
import { defaultLbHost } from '../defaults';
import { defaultVirtualRouterId, virtualRouterIdOf } from '../internal-lb';
import type { ConfigIssue } from '../issues';
import type { InstallConfig, InternalLoadBalancer } from '../schema';
import { installConfigSchema } from '../validate';
import { collectIssues } from './index';

function internal(config: InstallConfig): InternalLoadBalancer {
  if (config.loadBalancer.kind !== 'internal') throw new Error('the fixture has an internal LB');
  return config.loadBalancer;
}

function issuesAfter(mutate: (config: InstallConfig, lb: InternalLoadBalancer) => void): ConfigIssue[] {
  const config = seedInternalLbConfig();
  mutate(config, internal(config));
  return collectIssues(config).filter((issue) => issue.path.startsWith('loadBalancer'));
}

function only(issues: ConfigIssue[], code: string): ConfigIssue {
  const found = issues.filter((issue) => issue.code === code);
  expect(found, `${code} in ${JSON.stringify(issues)}`).toHaveLength(1);
  const [issue] = found;
  if (!issue) throw new Error(code);
  return issue;
}

describe('internal load balancer rules', () => {
  it("accepts the seed with two dedicated LB hosts and a free VIP in the masters' subnet", () => {
    expect(collectIssues(seedInternalLbConfig())).toEqual([]);
    expect(installConfigSchema.safeParse(seedInternalLbConfig()).success).toBe(true);
  });

  it('needs at least two LB hosts', () => {
    const issue = only(
      issuesAfter((_, lb) => void lb.hosts.pop()),
      'lb.hosts-too-few',
    );
    expect(issue).toMatchObject({ severity: 'error', path: 'loadBalancer.hosts' });
    expect(issue.message).toContain('at least two');
  });

  it('checks every LB host like a login: address, port, user, sudo, credential, and its own name and IP', () => {
    const issues = issuesAfter((_, lb) => {
      lb.hosts[1] = defaultLbHost({ name: 'LB2', address: '', ip: '10.0.0', port: 0, user: 'ubuntu', vrrpInterface: 'has space' });
    });
    const at = (code: string) => only(issues, code).path;
    expect(at('lb.host.name-invalid')).toBe('loadBalancer.hosts.1.name');
    expect(at('lb.host.address-required')).toBe('loadBalancer.hosts.1.address');
    expect(at('lb.host.port-invalid')).toBe('loadBalancer.hosts.1.port');
    expect(at('lb.host.become-password-required')).toBe('loadBalancer.hosts.1.becomePassword');
    expect(at('lb.host.auth-missing')).toBe('loadBalancer.hosts.1.auth');
    expect(at('lb.host.ip-invalid')).toBe('loadBalancer.hosts.1.ip');
    expect(at('lb.host.interface-invalid')).toBe('loadBalancer.hosts.1.vrrpInterface');
  });

  it("reports an LB host that repeats another one's name or IP on the later one", () => {
    const issues = issuesAfter((_, lb) => {
      const [first, second] = lb.hosts;
      if (!first || !second) throw new Error('two LB hosts');
      second.name = first.name;
      second.ip = first.ip;
    });
    expect(only(issues, 'lb.host.name-duplicate').path).toBe('loadBalancer.hosts.1.name');
    expect(only(issues, 'lb.host.ip-duplicate').message).toContain('lb1');
  });

  it('allows a master as an LB host only when HAProxy listens on another port than 6443', () => {
    const onMasters = (port: number) =>
      issuesAfter((config, lb) => {
        lb.hosts = config.hosts
          .slice(0, 2)
          .map((m) => defaultLbHost({ name: `lb-${m.name}`, address: m.address, ip: m.ip, auth: { kind: 'password', password: { set: true } } }));
        lb.port = port;
      });
    const issue = only(onMasters(6443), 'lb.master-on-apiserver-port');
    expect(issue).toMatchObject({ severity: 'error', path: 'loadBalancer.port' });
    expect(issue.message).toContain('kube-apiserver binds 0.0.0.0:6443');
    expect(issue.message).toContain('master1');
    expect(onMasters(8443)).toEqual([]);
  });

  it("wants the VIP as an IPv4 address, free, and inside the masters' subnet", () => {
    expect(
      only(
        issuesAfter((_, lb) => void (lb.vip = '')),
        'lb.vip-required',
      ).path,
    ).toBe('loadBalancer.vip');
    expect(
      only(
        issuesAfter((_, lb) => void (lb.vip = 'vip.local')),
        'lb.vip-invalid',
      ).path,
    ).toBe('loadBalancer.vip');
    const taken = only(
      issuesAfter((_, lb) => void (lb.vip = '192.168.0.5')),
      'lb.vip-taken',
    );
    expect(taken.message).toContain('node2');
    expect(
      only(
        issuesAfter((_, lb) => void (lb.vip = '192.168.0.22')),
        'lb.vip-taken',
      ).message,
    ).toContain('lb2');
    const outside = only(
      issuesAfter((_, lb) => void (lb.vip = '192.168.1.10')),
      'lb.vip-outside-masters-subnet',
    );
    expect(outside.message).toContain('192.168.1.0/24');
    expect(outside.message).toContain('master1 (192.168.0.1)');
    // a wider prefix holds both
    expect(issuesAfter((_, lb) => Object.assign(lb, { vip: '192.168.1.10', prefixLength: 16 })).filter((i) => i.severity === 'error')).toEqual([]);
    expect(
      only(
        issuesAfter((_, lb) => void (lb.vip = '192.168.0.255')),
        'lb.vip-network-or-broadcast',
      ).message,
    ).toContain('broadcast');
    expect(
      only(
        issuesAfter((_, lb) => void (lb.prefixLength = 33)),
        'lb.prefix-invalid',
      ).path,
    ).toBe('loadBalancer.prefixLength');
  });

  it("warns at an LB host whose IP is outside the VIP's subnet", () => {
    const issue = only(
      issuesAfter((_, lb) => Object.assign(lb.hosts[1] ?? {}, { ip: '10.0.0.22' })),
      'lb.host.ip-outside-vip-subnet',
    );
    expect(issue).toMatchObject({ severity: 'warning', path: 'loadBalancer.hosts.1.ip' });
  });

  it('takes a virtual router id of 1–255, or derives one from the VIP', () => {
    expect(
      only(
        issuesAfter((_, lb) => void (lb.virtualRouterId = 0)),
        'lb.router-id-invalid',
      ).path,
    ).toBe('loadBalancer.virtualRouterId');
    expect(
      only(
        issuesAfter((_, lb) => void (lb.virtualRouterId = 256)),
        'lb.router-id-invalid',
      ).message,
    ).toContain('1 to 255');
    expect(issuesAfter((_, lb) => void (lb.virtualRouterId = 255))).toEqual([]);
    expect(defaultVirtualRouterId('192.168.0.10')).toBe(10);
    expect(defaultVirtualRouterId('10.1.2.0')).toBe(1);
    const lb = internal(seedInternalLbConfig());
    expect(virtualRouterIdOf(lb)).toBe(10);
    expect(virtualRouterIdOf({ ...lb, virtualRouterId: 77 })).toBe(77);
  });

  it('needs a VRRP password keepalived can use, and never echoes it', () => {
    expect(
      only(
        issuesAfter((_, lb) => void (lb.vrrpPassword = { set: false })),
        'lb.vrrp-password-required',
      ).path,
    ).toBe('loadBalancer.vrrpPassword');
    const long = only(
      issuesAfter((_, lb) => void (lb.vrrpPassword = { set: true, value: 'secret-123456' })),
      'lb.vrrp-password-too-long',
    );
    expect(long.message).not.toContain('secret-123456');
    const odd = only(
      issuesAfter((_, lb) => void (lb.vrrpPassword = { set: true, value: 'a b#' })),
      'lb.vrrp-password-characters',
    );
    expect(odd.message).not.toContain('a b#');
    expect(issuesAfter((_, lb) => void (lb.vrrpPassword = { set: true, value: 'Kx7-p@ss' }))).toEqual([]);
  });

  it('refuses a listen port or domain the installer cannot use, and template markers in the LB inventory', () => {
    expect(
      only(
        issuesAfter((_, lb) => void (lb.port = 70000)),
        'lb.port-invalid',
      ).path,
    ).toBe('loadBalancer.port');
    expect(
      only(
        issuesAfter((_, lb) => void (lb.domain = 'bad domain')),
        'lb.domain-invalid',
      ).path,
    ).toBe('loadBalancer.domain');
    const safety = issuesAfter((_, lb) => void (lb.hosts[0] && (lb.hosts[0].user = '{{ lookup("pipe","id") }}')));
    expect(safety.find((i) => i.code === 'safety.lb-inventory')?.path).toBe('loadBalancer.hosts.0.user');
  });

  it('puts each error at its field for zodResolver and the API', () => {
    const config = seedInternalLbConfig();
    internal(config).vip = '192.168.1.10';
    const parsed = installConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('loadBalancer.vip');
  });
});
