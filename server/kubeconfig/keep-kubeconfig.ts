/**
 * Once a run completes its install's chain, the runner keeps the cluster's kubeconfig: read from
 * the first master (fetch-kubeconfig.ts) and stored sealed. The run's log says where it came from
 * or why it could not be read — never its content. A failure never fails the run: the download
 * reads the master again.
 */
import type { LogWriter } from '../runner/log-writer';
import { fetchKubeconfig } from './fetch-kubeconfig';

export interface KeepTarget {
  runId: string;
  installId: string;
  /** The stage the log line is filed under (the run's last one). */
  stage: { id: string; name: string };
}

export async function keepKubeconfig(target: KeepTarget, writer: LogWriter, redact: (text: string) => string): Promise<boolean> {
  let text: string;
  let ok = false;
  try {
    const got = await fetchKubeconfig(target.installId);
    text = `kubeconfig: read from ${got.host}:${got.path} and stored encrypted; download it from the run page or the wizard`;
    ok = true;
  } catch (err) {
    text = `kubeconfig: ${redact((err as Error).message)}; the download will try the first master again`;
  }
  writer.enqueue({
    runId: target.runId,
    stageId: target.stage.id,
    stage: target.stage.name,
    lines: [{ host: null, kind: 'event', failed: !ok, text, t: Date.now() }],
    counts: new Map(),
    errors: new Map(),
  });
  await writer.drain();
  return ok;
}
