/**
 * The files every stage needs on the taskbox besides its own: the wrapper and the callback plugin.
 * No secrets; uploaded before every stage (atomically, so a running stage of another run keeps
 * reading a whole file), which also keeps them in step with the wizard's version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CALLBACK_DIR, CALLBACK_NAME, WRAPPER_PATH } from './layout';
import type { RemoteFile } from './remote-files';
import { WRAPPER_SCRIPT } from './stage-wrapper';

export const CALLBACK_SOURCE = path.resolve(process.cwd(), 'server/runner/taskbox/callback', `${CALLBACK_NAME}.py`);

let callbackText: string | undefined;

export function supportFiles(): RemoteFile[] {
  callbackText ??= fs.readFileSync(CALLBACK_SOURCE, 'utf8');
  return [
    { path: WRAPPER_PATH, content: WRAPPER_SCRIPT, mode: 0o700 },
    { path: `${CALLBACK_DIR}/${CALLBACK_NAME}.py`, content: callbackText, mode: 0o600 },
  ];
}
