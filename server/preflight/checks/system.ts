/** OS, hostname, python, tools, DNS resolver and leftovers of an earlier install. */
import { isRfc1123Hostname } from '@/lib/config/net';
import type { HostCheck, HostCheckContext } from '../types';
import { fail, installCommand, isRedHatFamily, pass, section, warn } from './util';

/** The OS list of the 2.0.2 docs (reference §4.1) with each version's caveat. */
const SUPPORTED: { id: string; versions: string[]; label: string; caveat?: string }[] = [
  {
    id: 'centos',
    versions: ['7', '7.4', '7.5', '7.6'],
    label: 'CentOS 7.5',
    caveat: 'CentOS 7.6 works online only: the offline 2.0.2 bundle does not support 7.6 (FAQ 4.8).',
  },
  { id: 'ubuntu', versions: ['16.04'], label: 'Ubuntu 16.04', caveat: 'Use 16.04.5 or later (16.04.1 is known to fail).' },
  {
    id: 'ubuntu',
    versions: ['18.04'],
    label: 'Ubuntu 18.04',
    caveat: 'Ubuntu 18.04 must be installed as root (SSH user root); a non-root install fails in the Calico step.',
  },
  { id: 'rhel', versions: ['7.4'], label: 'RHEL 7.4', caveat: 'RHEL 7.4 lacks packages in the official repos: add a CentOS 7 repo before installing.' },
  { id: 'debian', versions: ['9'], label: 'Debian 9.5', caveat: 'Debian needs sudo installed first (as root: apt update && apt install sudo).' },
];
const SUPPORTED_TEXT = 'CentOS 7.5, Ubuntu 16.04/18.04, RHEL 7.4, Debian 9.5';

export const osCheck: HostCheck = {
  id: 'os',
  title: 'Operating system',
  run({ facts, host }) {
    const os = facts.os;
    const evidence = section(facts, 'os');
    if (!os) return fail('Could not read /etc/os-release: the OS is unknown to the installer.', `Use one of ${SUPPORTED_TEXT}.`, evidence);
    if (facts.arch && facts.arch !== 'x86_64') {
      return fail(
        `${os.prettyName} on ${facts.arch}: KubeSphere 2.0 ships x86_64 (amd64) images only.`,
        'Use 64-bit x86 machines.',
        `${evidence}\narch: ${facts.arch}`,
      );
    }
    const noSystemd = facts.init !== '' && facts.init !== 'systemd';
    const initNote = noSystemd ? ` The init system is "${facts.init}", not systemd: Kubespray stops on non-systemd hosts.` : '';
    const match = SUPPORTED.find((s) => s.id === os.id && s.versions.some((v) => os.versionId === v || os.versionId.startsWith(`${v}.`)));
    if (!match) {
      return warn(
        `${os.prettyName} is not in the supported list (${SUPPORTED_TEXT}).${initNote}`,
        `KubeSphere 2.0.2 is tested on ${SUPPORTED_TEXT}; other systems may fail in package or kernel steps. Prefer a supported OS.`,
        evidence,
      );
    }
    const caveats: string[] = [];
    if (match.caveat) caveats.push(match.caveat);
    if (match.label === 'Ubuntu 18.04' && host.user !== 'root') {
      return warn(`${os.prettyName}: supported, but only when installing as root (the SSH user is ${host.user}).${initNote}`, match.caveat ?? '', evidence);
    }
    if (noSystemd) return warn(`${os.prettyName}.${initNote}`, 'Boot the host with systemd.', evidence);
    if (os.id === 'centos' && os.versionId.startsWith('7.6')) return warn(`${os.prettyName}: supported for online installs only.`, caveats.join(' '), evidence);
    if (os.id === 'debian' && facts.tools.get('sudo') === false) return warn(`${os.prettyName}: sudo is not installed.`, caveats.join(' '), evidence);
    return { status: 'pass', message: `${os.prettyName} (${match.label} family) is supported.`, hint: caveats[0], evidence };
  },
};

export const hostnameCheck: HostCheck = {
  id: 'hostname',
  title: 'Hostname',
  run({ facts, host }) {
    const name = facts.hostname;
    const evidence = `hostname: ${name}`;
    if (!name) return fail('The host did not report a hostname.', 'Set one with hostnamectl set-hostname <name>.', evidence);
    if (!isRfc1123Hostname(name)) {
      return fail(
        `The hostname "${name}" is not RFC-1123 lower case: Kubespray stops with "Stop if bad hostname".`,
        `Rename it, e.g. hostnamectl set-hostname ${host.name || name.toLowerCase().replace(/[^a-z0-9.-]/g, '-')}.`,
        evidence,
      );
    }
    const note = host.name && host.name !== name ? ` Kubespray will rename it to its inventory name "${host.name}".` : '';
    return pass(`Hostname "${name}" is valid.${note}`, evidence);
  },
};

export const pythonCheck: HostCheck = {
  id: 'python',
  title: 'Python',
  run({ facts }) {
    const evidence = section(facts, 'python');
    const python = facts.python.get('python');
    const python2 = facts.python.get('python2');
    const python3 = facts.python.get('python3');
    const install = isRedHatFamily(facts) ? 'yum install -y python' : 'apt-get install -y python';
    if (python?.major === 2) return pass(`${python.text} is the default python.`, evidence);
    if (python?.major === 3) {
      return warn(
        `The default python is ${python.text}: the 2.0 installer's yum module and repoquery need Python 2 ("The Python 2 bindings for rpm are needed").`,
        `Install Python 2.7 and make it the default python (${install}; point /usr/bin/python at python2).`,
        evidence,
      );
    }
    if (python2)
      return warn(`${python2.text} is installed as python2, but there is no "python" command.`, 'Link it: ln -s /usr/bin/python2 /usr/bin/python.', evidence);
    if (python3)
      return warn(`Only ${python3.text} is installed; the 2.0 installer expects Python 2.7 as "python".`, `Install Python 2.7: ${install}.`, evidence);
    return fail('No python on the host: Ansible cannot run any module there.', `Install Python 2.7: ${install}.`, evidence);
  },
};

export const REQUIRED_TOOLS = ['sudo', 'curl', 'openssl', 'socat', 'conntrack', 'ebtables', 'ipset'] as const;

export const toolsCheck: HostCheck = {
  id: 'tools',
  title: 'Required tools',
  run(ctx: HostCheckContext) {
    const { facts } = ctx;
    const missing = REQUIRED_TOOLS.filter((t) => facts.tools.get(t) !== true);
    const evidence = section(facts, 'tools');
    if (missing.length === 0) return pass(`All of ${REQUIRED_TOOLS.join(', ')} are installed.`, evidence);
    return warn(
      `Missing: ${missing.join(', ')}. The installer needs them (kube-proxy uses conntrack/ipset, kubelet socat, Kubespray curl/openssl).`,
      `Install them before the run (online installs add most of them, offline installs may not): ${installCommand(facts, missing)}`,
      evidence,
    );
  },
};

export const dnsCheck: HostCheck = {
  id: 'dns',
  title: 'DNS resolver',
  run({ facts }) {
    const evidence = section(facts, 'resolv') || '(empty /etc/resolv.conf)';
    if (facts.nameservers.length === 0) {
      return fail(
        '/etc/resolv.conf has no nameserver: CoreDNS and image pulls need an upstream DNS server.',
        'Add a line "nameserver <your DNS server IP>" to /etc/resolv.conf.',
        evidence,
      );
    }
    return pass(`Name servers: ${facts.nameservers.join(', ')}.`, evidence);
  },
};

export const leftoversCheck: HostCheck = {
  id: 'leftovers',
  title: 'Clean host',
  run({ facts }) {
    const evidence = section(facts, 'leftovers');
    const failures: string[] = [];
    const warnings: string[] = [];
    const hints: string[] = [];
    const content = (path: string) => facts.leftovers.get(path);
    const kube = content('/etc/kubernetes');
    if (kube !== undefined && kube !== '') {
      failures.push(`/etc/kubernetes is not empty (${kube.trim()})`);
      hints.push('remove the earlier cluster (scripts/uninstall.sh or kubeadm reset) and delete /etc/kubernetes');
    }
    const etcd = content('/var/lib/etcd');
    if (etcd !== undefined && etcd !== '') {
      failures.push(`/var/lib/etcd holds data (${etcd.trim()})`);
      hints.push('back up and delete /var/lib/etcd: old member data stops the new etcd cluster from forming');
    }
    if (content('/etc/docker/daemon.json') !== undefined) {
      warnings.push('/etc/docker/daemon.json exists');
      hints.push('move /etc/docker/daemon.json aside: the installer writes its own Docker settings and an existing file can conflict');
    }
    const yum = [...facts.leftovers.keys()].filter((k) => k === 'yum-transaction');
    if (yum.length > 0) {
      failures.push('yum has unfinished transactions');
      hints.push('run yum-complete-transaction --cleanup-only');
    }
    const hint = hints.length > 0 ? `${hints.join('; ')}.` : '';
    if (failures.length > 0) return fail(`Leftovers of an earlier install: ${[...failures, ...warnings].join('; ')}.`, hint, evidence);
    if (warnings.length > 0) return warn(`Possible leftovers: ${warnings.join('; ')}.`, hint, evidence);
    return pass('No Kubernetes, etcd or Docker leftovers and no pending yum transactions.', evidence || undefined);
  },
};
