/**
 * Where ks-wizard keeps its files on the taskbox. Pure.
 *
 *   /var/lib/ks-wizard/            0700 root: nothing of it is in the bundle
 *     bin/ksw-stage.sh             the stage wrapper (no secret)
 *     callback/ksw_events.py       the events callback plugin (no secret)
 *     s/<stageId>/                 one stage: run.sh, extra-vars.json, known_hosts, events.jsonl,
 *                                  inv/hosts.ini (prepare only: the run's inventory, placeholders,
 *                                  beside a link to the bundle's group_vars; inv/lb-hosts.yml:
 *                                  the internal-lb stage's own inventory),
 *                                  out.log, pid, rc, cp/ (ssh control sockets)
 *     s/<stageId>/secret/          0700: hosts.yml (connection secrets), vars.json (vars.yml
 *                                  secrets), keys/<host>; removed by the wrapper when the stage ends
 *                                  and again by the wizard
 *
 * Paths are short on purpose: ssh's ControlPath under cp/ must fit a unix socket path (108 bytes).
 * Stage ids are cuids ([a-z0-9]), so no path needs quoting beyond the usual argv quoting.
 */
export const TASKBOX_ROOT = '/var/lib/ks-wizard';

export interface StagePaths {
  dir: string;
  runScript: string;
  extraVars: string;
  /** The run's hosts.ini (placeholders) for the prepare stage, which runs before write-config. */
  inventory: string;
  /** The internal load balancer stage's own inventory: the LB hosts (no secret). */
  lbInventory: string;
  knownHosts: string;
  events: string;
  out: string;
  pid: string;
  rc: string;
  controlDir: string;
  secretDir: string;
  secretInventory: string;
  secretVars: string;
  keyFile: (host: string) => string;
}

export const WRAPPER_PATH = `${TASKBOX_ROOT}/bin/ksw-stage.sh`;
export const CALLBACK_DIR = `${TASKBOX_ROOT}/callback`;
export const CALLBACK_NAME = 'ksw_events';

const SAFE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function stagePaths(stageId: string): StagePaths {
  if (!SAFE_ID.test(stageId)) throw new Error(`not a stage id: ${JSON.stringify(stageId)}`);
  const dir = `${TASKBOX_ROOT}/s/${stageId}`;
  const secretDir = `${dir}/secret`;
  return {
    dir,
    runScript: `${dir}/run.sh`,
    extraVars: `${dir}/extra-vars.json`,
    inventory: `${dir}/inv/hosts.ini`,
    lbInventory: `${dir}/inv/lb-hosts.yml`,
    knownHosts: `${dir}/known_hosts`,
    events: `${dir}/events.jsonl`,
    out: `${dir}/out.log`,
    pid: `${dir}/pid`,
    rc: `${dir}/rc`,
    controlDir: `${dir}/cp`,
    secretDir,
    secretInventory: `${secretDir}/hosts.yml`,
    secretVars: `${secretDir}/vars.json`,
    keyFile: (host) => `${secretDir}/keys/${host}`,
  };
}

/** `<bundle>/<rel>` without doubled slashes; `rel` is bundle-relative data from a profile. */
export function inBundle(bundle: string, rel: string): string {
  return `${bundle.replace(/\/+$/, '')}/${rel.replace(/^\/+/, '')}`;
}
