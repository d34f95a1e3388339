/**
 * fast-check arbitraries for the installer tests: valid configs with every secret set (so
 * `reveal` rendering is total), and hostile strings for the injection properties.
 */
import fc from 'fast-check';
import { defaultExternalInstallerMachine } from '../../config/defaults';
import { seedConfig } from '../../config/fixtures';
import type { Host, InstallConfig } from '../../config/schema';
import { unsafeValueProblem } from '../../config/safe-values';
import { validateConfig, type ValidInstallConfig } from '../../config/validate';
import { DOC_PASSWORD, MASK, SHOULD_BE_REPLACED } from '../placeholders';

const RESERVED = new Set([MASK, DOC_PASSWORD, SHOULD_BE_REPLACED, 'ACCESS_KEY_SECRET', 'ACCESS_KEY_ID', 'ZONE', 'P@ssw0rd']);

/** Secret text the files can carry for `kind`, never a placeholder. */
export const secretText = (kind: 'ini-token' | 'yaml-string') =>
  fc
    .string({
      minLength: 1,
      maxLength: 24,
      unit: fc.oneof(
        fc.constantFrom(...`'"#;=[]{}\\$\`,:*~!@%&()|<>?^+-_.`.split('')),
        fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c)),
        fc.constantFrom('é', '✓', '中', '😀'),
      ),
    })
    .filter((s) => !RESERVED.has(s) && unsafeValueProblem(s, kind) === undefined);

const hostName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/);
const userName = fc.oneof(fc.constant('root'), fc.stringMatching(/^[a-z_][a-z0-9_-]{0,10}$/));

interface HostSeed {
  name: string;
  ipOctets: [number, number];
  user: string;
  port: number;
  authKind: 'password' | 'key';
  sshPass: string;
  sudoPass: string;
  samePass: boolean;
  useDnsAddress: boolean;
}

const hostSeed: fc.Arbitrary<HostSeed> = fc.record({
  name: hostName,
  ipOctets: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })),
  user: userName,
  port: fc.oneof(fc.constant(22), fc.integer({ min: 1, max: 65535 })),
  authKind: fc.constantFrom('password' as const, 'key' as const),
  sshPass: secretText('ini-token'),
  sudoPass: secretText('ini-token'),
  samePass: fc.boolean(),
  useDnsAddress: fc.boolean(),
});

function hostFrom(seed: HostSeed, i: number, taskbox: boolean, roles: Host['roles']): Host {
  const ip = `192.168.${seed.ipOctets[0]}.${seed.ipOctets[1]}`;
  const auth: Host['auth'] =
    seed.authKind === 'key'
      ? { kind: 'key', privateKey: { set: true, value: 'KEY' }, passphrase: { set: false } }
      : { kind: 'password', password: { set: true, value: seed.samePass || seed.user !== 'root' ? seed.sudoPass : seed.sshPass } };
  return {
    name: seed.name,
    address: seed.useDnsAddress ? `${seed.name}.example.com` : ip,
    ip,
    port: seed.port,
    user: seed.user,
    auth,
    becomePassword: seed.user === 'root' ? { set: false } : { set: true, value: seed.sudoPass },
    taskbox,
    roles,
  };
}

/** Configs that pass validation, with every secret set to a value. */
export const validConfig: fc.Arbitrary<ValidInstallConfig> = fc
  .record({
    hosts: fc.uniqueArray(hostSeed, { minLength: 1, maxLength: 9, selector: (h) => h.name }),
    taskbox: fc.option(fc.nat(8), { nil: undefined }),
    etcdCount: fc.constantFrom(1, 3, 5),
    secrets: fc.array(secretText('yaml-string'), { minLength: 5, maxLength: 5 }),
    fromName: secretText('yaml-string'),
    lb: fc.option(fc.record({ port: fc.integer({ min: 1, max: 65535 }), domain: fc.constantFrom('lb.kubesphere.local', 'api.example.com') }), {
      nil: undefined,
    }),
    plugin: fc.constantFrom('calico' as const, 'flannel' as const),
    maxPods: fc.integer({ min: 10, max: 250 }),
  })
  .map((r) => {
    const ips = new Set<string>();
    const seeds = r.hosts.filter((h) => {
      const ip = h.ipOctets.join('.');
      if (ips.has(ip)) return false;
      ips.add(ip);
      return true;
    });
    const n = seeds.length;
    const etcd = Math.min(r.etcdCount, n % 2 === 1 ? n : n - 1);
    const config: InstallConfig = seedConfig();
    config.hosts = seeds.map((seed, i) =>
      hostFrom(seed, i, r.taskbox === i, { master: i === 0 || i < Math.ceil(n / 2), etcd: i < etcd, worker: n === 1 || i >= Math.ceil(n / 2) || i === n - 1 }),
    );
    // no taskbox host: the installer runs on a machine outside the cluster (every line is an SSH line)
    if (r.taskbox === undefined || r.taskbox >= n) {
      config.installer.machine = {
        ...defaultExternalInstallerMachine(),
        address: '192.169.0.20',
        auth: { kind: 'password', password: { set: true, value: 'installer-pw' } },
      };
    }
    const [s0 = 'a', s1 = 'b', s2 = 'c', s3 = 'd', s4 = 'e'] = r.secrets;
    config.storage.cephRbd.adminSecret = { set: true, value: s0 };
    config.storage.cephRbd.userSecret = { set: true, value: s1 };
    config.storage.glusterfs.jwtAdminKey = { set: true, value: s2 };
    config.qingcloud.secretAccessKey = { set: true, value: s3 };
    config.options.email.password = { set: true, value: s4 };
    config.options.email.fromName = r.fromName;
    config.loadBalancer = r.lb ? { kind: 'external', address: '192.169.0.10', port: r.lb.port, domain: r.lb.domain } : { kind: 'none' };
    config.network.plugin = r.plugin;
    config.network.maxPods = r.maxPods;
    return config;
  })
  .filter((c) => validateConfig(c).errors.length === 0)
  .map((c) => c as ValidInstallConfig);

/** Strings built to break INI/YAML lines: separators, quotes, group headers, templates, unicode. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\r\n',
        ' ',
        '\t',
        '=',
        '[all]',
        '[kube-master]',
        '#',
        ';',
        "'",
        '"',
        '\\',
        '{{ x }}',
        '{%',
        '\u2028',
        '\u0085',
        '\u00a0',
        'é',
        '中',
        '😀',
        'x=1',
        ' evil=1',
        'ansible_host=1.2.3.4',
        '1e3',
        'None',
        'True',
        "b'x'",
        '[1,2]',
        ':',
        ',',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));
