/**
 * Test helper: drives one run in a separate process (`tsx drive-run-child.ts <runId>`), so a test
 * can SIGKILL "the web server" mid-stage and then reconcile in its own process.
 */
import { getRunner } from '../runner';

const runId = process.argv[2];
if (!runId) {
  process.stderr.write('usage: drive-run-child.ts <runId>\n');
  process.exit(2);
}
getRunner()
  .drive(runId)
  .then(() => process.exit(0));
