/**
 * Brings a config stored by an earlier version of the wizard up to the current model before it is
 * parsed. Pure; returns a new object and leaves anything it does not recognise for the schema to
 * refuse.
 * - No `installer.machine`: the installer ran on the taskbox host, as the docs do → `{kind:'taskbox'}`.
 * - `auth: {kind:'none'}` (once allowed for the taskbox, which needed no login): the wizard now logs
 *   in to the taskbox too, so it becomes an unset password the operator enters (a rule error at
 *   `hosts.N.auth`, not a parse failure).
 */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function upgradeHost(host: unknown): unknown {
  if (!isRecord(host) || !isRecord(host.auth) || host.auth.kind !== 'none') return host;
  return { ...host, auth: { kind: 'password', password: { set: false } } };
}

export function upgradeStoredConfig(stored: unknown): unknown {
  if (!isRecord(stored)) return stored;
  const upgraded: Record<string, unknown> = { ...stored };
  if (isRecord(stored.installer) && stored.installer.machine === undefined) {
    upgraded.installer = { ...stored.installer, machine: { kind: 'taskbox' } };
  }
  if (Array.isArray(stored.hosts)) upgraded.hosts = stored.hosts.map(upgradeHost);
  return upgraded;
}
