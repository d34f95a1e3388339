/**
 * The internal load balancer's builtin playbook under both Ansibles a taskbox may run (the bundle's
 * 2.7.6 on Python 2.7, Debian's ansible-core): it parses (--syntax-check), and a render-only run with
 * a local connection writes haproxy.cfg and keepalived.conf for two LB hosts into a temp dir, which
 * this test reads back, and which haproxy -c and keepalived --config-test accept where installed.
 * Each Ansible is skipped, with the reason, where it is absent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ansible276, ansibleCore, tempWorkDir, type AnsibleRunner } from '../../test-support/pinned-ansible';

const PLAYBOOK = path.join(import.meta.dirname, 'internal-lb.yml');
const VRRP_PASSWORD = 'Kx7-vrrp';
const work = tempWorkDir('ksw-internal-lb-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function has(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;
}

function play(runner: AnsibleRunner, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(runner.argv[0] ?? '', [...runner.argv.slice(1), ...args], {
    encoding: 'utf8',
    timeout: 240_000,
    // built from scratch: nothing of the test runner's environment reaches Ansible
    env: {
      PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
      HOME: work,
      LANG: 'C.UTF-8',
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_RETRY_FILES_ENABLED: 'False',
      ANSIBLE_LOCAL_TEMP: path.join(work, 'tmp'),
      ...runner.env,
    } as Record<string, string> as NodeJS.ProcessEnv,
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

/**
 * This machine's first non-loopback IPv4 and its interface (keepalived refuses lo for VRRP), or
 * 127.0.0.1 on lo where it has none (then keepalived --config-test cannot judge lb1's file).
 */
function machineAddress(): { ip: string; iface: string } {
  const out = spawnSync('ip', ['-o', '-4', 'addr', 'show'], { encoding: 'utf8' }).stdout ?? '';
  for (const line of out.split('\n')) {
    const m = /^\d+:\s+(\S+)\s+inet\s+([0-9.]+)\//.exec(line);
    if (m?.[1] && m[2] && m[1] !== 'lo') return { iface: m[1], ip: m[2] };
  }
  return { iface: 'lo', ip: '127.0.0.1' };
}
const LB1 = machineAddress();

/** Two LB hosts on this machine: lb1's interface found from its IP (LB1), lb2's given. */
function renderInputs(dir: string) {
  const inventory = path.join(dir, 'inventory.json');
  fs.writeFileSync(
    inventory,
    JSON.stringify({
      all: {
        hosts: {
          lb1: { ansible_connection: 'local', ksw_lb_ip: LB1.ip, ksw_lb_interface: '', ksw_lb_priority: 150, ksw_lb_etc: path.join(dir, 'lb1') },
          lb2: { ansible_connection: 'local', ksw_lb_ip: '127.0.0.2', ksw_lb_interface: 'eth1', ksw_lb_priority: 140, ksw_lb_etc: path.join(dir, 'lb2') },
        },
      },
    }),
  );
  const extraVars = path.join(dir, 'extra-vars.json');
  fs.writeFileSync(
    extraVars,
    JSON.stringify({
      ksw_lb_vip: '10.255.0.10',
      ksw_lb_prefix: 24,
      ksw_lb_port: 8443,
      ksw_lb_router_id: 10,
      ksw_lb_backends: [
        { name: 'master1', ip: '192.168.0.1' },
        { name: 'master2', ip: '192.168.0.2' },
        { name: 'master3', ip: '192.168.0.3' },
      ],
      ksw_lb_render_only: true,
    }),
  );
  const secretVars = path.join(dir, 'secret-vars.json');
  fs.writeFileSync(secretVars, JSON.stringify({ ksw_lb_vrrp_password: VRRP_PASSWORD }), { mode: 0o600 });
  return ['-i', inventory, PLAYBOOK, '-e', `@${extraVars}`, '-e', `@${secretVars}`];
}

const HAPROXY_CFG_TAIL = `frontend kube-apiserver
    bind *:8443
    default_backend kube-apiserver

backend kube-apiserver
    balance roundrobin
    option tcp-check
    default-server inter 3s fall 3 rise 2
    server master1 192.168.0.1:6443 check
    server master2 192.168.0.2:6443 check
    server master3 192.168.0.3:6443 check
`;

function checkRender(runner: AnsibleRunner, name: string): void {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const python = runner.env.ANSIBLE_PYTHON_INTERPRETER ?? '/usr/bin/python3';
  const { status, output } = play(runner, [...renderInputs(dir), '-e', `ansible_python_interpreter=${python}`]);
  expect(status, output).toBe(0);
  expect(output, 'no_log keeps the VRRP password out of the output').not.toContain(VRRP_PASSWORD);

  const haproxy = fs.readFileSync(path.join(dir, 'lb1/haproxy/haproxy.cfg'), 'utf8');
  expect(haproxy.endsWith(HAPROXY_CFG_TAIL), haproxy).toBe(true);
  expect(haproxy).toContain('    mode tcp\n');

  const lb1 = fs.readFileSync(path.join(dir, 'lb1/keepalived/keepalived.conf'), 'utf8');
  const lb2 = fs.readFileSync(path.join(dir, 'lb2/keepalived/keepalived.conf'), 'utf8');
  expect(lb1).toContain(`vrrp_instance ksw_apiserver {
    state MASTER
    interface ${LB1.iface}
    virtual_router_id 10
    priority 150
    advert_int 1
    unicast_src_ip ${LB1.ip}
    unicast_peer {
        127.0.0.2
    }
    authentication {
        auth_type PASS
        auth_pass ${VRRP_PASSWORD}
    }
    virtual_ipaddress {
        10.255.0.10/24 dev ${LB1.iface}
    }
    track_script {
        ksw_check_haproxy
    }
}`);
  expect(lb1).toContain(`script "${path.join(dir, 'lb1')}/keepalived/ksw-check-haproxy.sh"`);
  expect(lb2).toContain('    state BACKUP\n    interface eth1\n');
  expect(lb2).toContain(`    unicast_src_ip 127.0.0.2\n    unicast_peer {\n        ${LB1.ip}\n    }\n`);
  expect(fs.statSync(path.join(dir, 'lb1/keepalived/keepalived.conf')).mode & 0o777).toBe(0o600);
  expect(fs.statSync(path.join(dir, 'lb1/keepalived/ksw-check-haproxy.sh')).mode & 0o777).toBe(0o755);

  if (has('haproxy')) {
    const check = spawnSync('haproxy', ['-c', '-f', path.join(dir, 'lb1/haproxy/haproxy.cfg')], { encoding: 'utf8' });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  } else console.warn('haproxy is not installed: haproxy.cfg was not checked by haproxy -c (scripts/setup.sh installs it)');
  if (has('keepalived') && LB1.iface !== 'lo') {
    const check = spawnSync('keepalived', ['--config-test', '-f', path.join(dir, 'lb1/keepalived/keepalived.conf')], { encoding: 'utf8' });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  } else
    console.warn(
      'keepalived is not installed (scripts/setup.sh installs it), or this machine has no interface but lo: keepalived.conf was not checked by keepalived --config-test',
    );
}

const runners = [ansible276(work), ansibleCore()];

describe.each(runners.map((found, i) => ({ found, name: i === 0 ? 'ansible-2.7.6' : 'ansible-core' })))(
  'the internal-lb playbook under $name',
  ({ found, name }) => {
    if ('missing' in found) {
      it.skip(`skipped: ${found.missing}`, () => undefined);
      return;
    }
    const { runner } = found;

    it('passes --syntax-check, and so does its removal (remove.yml)', () => {
      for (const playbook of [PLAYBOOK, path.join(import.meta.dirname, 'remove.yml')]) {
        const { status, output } = play(runner, ['-i', 'localhost,', playbook, '--syntax-check']);
        expect(status, output).toBe(0);
      }
    }, 120_000);

    it('renders haproxy.cfg and keepalived.conf for every LB host, and both daemons accept them', () => {
      checkRender(runner, name);
    }, 300_000);
  },
);
