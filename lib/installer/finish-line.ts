/**
 * What an operator needs once the install is complete, from the installer's own success banner
 * (install.sh prints `Console: http://<master-ip>:30880`, `Account: admin`, `Password: P@88w0rd`
 * and saves it as kubesphere/kubesphere_running) and the docs' "change its password after login".
 * Pure: no I/O; the server adds whether a kubeconfig is stored.
 */
import type { InstallConfig } from '@/lib/config/schema';

/** The account ks-installer 2.x creates; it must be changed at the first login. */
export const DEFAULT_CONSOLE_ACCOUNT = { user: 'admin', password: 'P@88w0rd' } as const;

/**
 * Where Kubespray leaves the admin kubeconfig on every master, in the order the wizard reads them:
 * the `kubernetes/client` role copies admin.conf to /root/.kube/config (0600).
 */
export const KUBECONFIG_PATHS = ['/root/.kube/config', '/etc/kubernetes/admin.conf'] as const;

type FinishHost = Pick<InstallConfig['hosts'][number], 'name' | 'address' | 'ip' | 'roles'>;

/** The host the installer names in its banner and the wizard reads the kubeconfig from. */
export function firstMasterOf<H extends FinishHost>(hosts: readonly H[]): H | undefined {
  return hosts.find((h) => h.roles.master);
}

export interface ConsoleAddress {
  /** As the installer prints it: the first master's cluster IP and the console NodePort. */
  url: string;
  /** The same port at the address the wizard reaches the host on, when that differs. */
  alternative: string | null;
}

export function consoleAddressOf(config: { hosts: readonly FinishHost[]; options: { console: { port: number } } }): ConsoleAddress | null {
  const master = firstMasterOf(config.hosts);
  if (!master) return null;
  const port = config.options.console.port;
  const url = `http://${master.ip || master.address}:${port}`;
  const alternative = master.address && master.address !== master.ip ? `http://${master.address}:${port}` : null;
  return { url, alternative };
}

/** The next steps after a complete install, in the order an operator takes them. */
export function nextStepsAfterInstall(): string[] {
  return [
    `Open the console and log in as ${DEFAULT_CONSOLE_ACCOUNT.user}; change the password at once (Account settings): everyone who has read the KubeSphere docs knows the default.`,
    'Wait for every component under Platform → Cluster Status to turn healthy (about 15 minutes after the installer finished).',
    'Download the kubeconfig and keep it like a root password: it holds the cluster administrator’s certificate.',
    'Day-2 operations (adding nodes with add-nodes.sh, upgrades, uninstall) run from the installer bundle on the taskbox, not from this wizard.',
  ];
}
