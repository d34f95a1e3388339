/**
 * An installer machine outside the cluster (`installer.machine.kind === 'external'`): the wizard logs
 * in to it over SSH to run the installer there, so its login is checked like a host's, at
 * `installer.machine.*`. Nothing of it is written into hosts.ini or vars.yml. It may be any machine
 * the wizard reaches over SSH, the wizard's own included (by its SSH address: nothing special).
 * Whether a host is the taskbox is ./hosts.ts's concern.
 */
import type { ExternalInstallerMachine, InstallConfig } from '../schema';
import type { ConfigIssue } from '../issues';
import { hostLabel, indexedHosts, warning, type Rule } from './helpers';
import { sshLoginIssues } from './ssh-login';

const MACHINE = 'installer.machine';

/** The machine is one of the cluster hosts (same SSH address and port): the docs make that one the taskbox. */
function clusterHostIssues(config: InstallConfig, machine: ExternalInstallerMachine): ConfigIssue[] {
  const address = machine.address.trim().toLowerCase();
  if (address === '') return [];
  const same = indexedHosts(config).find(({ host }) => host.address.trim().toLowerCase() === address && host.port === machine.port);
  if (!same) return [];
  const name = hostLabel(same);
  return [
    warning(
      'installer.machine-is-cluster-host',
      `${MACHINE}.address`,
      `The installer machine ${machine.address}:${machine.port} is ${name} of the cluster: run the installer on the taskbox host and mark ${name} as the taskbox, as the docs do; as an outside machine it logs in to itself over SSH.`,
    ),
  ];
}

export const installerMachineRules: Rule = (config) => {
  const machine = config.installer.machine;
  if (machine.kind !== 'external') return [];
  return [
    ...sshLoginIssues({
      login: machine,
      label: 'the installer machine',
      subject: 'The installer machine',
      code: MACHINE,
      pathOf: (field) => `${MACHINE}.${field}`,
      client: 'the wizard',
      why: ' The wizard logs in to the installer machine over SSH to run the installer there.',
      sudoReason: "the installer runs as root there, as the docs' install.sh requires",
    }),
    ...clusterHostIssues(config, machine),
  ];
};
