/**
 * The wizard is data: its steps, in order, and which config paths each step owns. A rule's issue
 * path decides the step it is shown on, so the Review list can link straight to the fixing field.
 */
export const WIZARD_STEPS = [
  { id: 'hosts', label: 'Hosts' },
  { id: 'roles', label: 'Roles' },
  { id: 'loadBalancer', label: 'Load balancer' },
  { id: 'storage', label: 'Storage' },
  { id: 'network', label: 'Network & options' },
  { id: 'review', label: 'Review' },
] as const;
export type WizardStepId = (typeof WIZARD_STEPS)[number]['id'];

export function isWizardStep(value: string): value is WizardStepId {
  return WIZARD_STEPS.some((s) => s.id === value);
}

/** The step whose form holds the field at `path` (dot path, e.g. `hosts.2.roles.etcd`). */
export function stepForPath(path: string): WizardStepId {
  const parts = path.split('.');
  // `hosts` itself (no hosts, too few, no taskbox) is fixed on the Hosts step; a host's roles on Roles
  if (parts[0] === 'hosts') return parts[2] === 'roles' ? 'roles' : 'hosts';
  if (parts[0] === 'roles') return 'roles';
  if (parts[0] === 'loadBalancer') return 'loadBalancer';
  if (parts[0] === 'storage' || parts[0] === 'qingcloud') return 'storage';
  if (parts[0] === 'network' || parts[0] === 'options' || parts[0] === 'clusterName' || parts[0] === 'installer') {
    return 'network';
  }
  return 'review';
}
