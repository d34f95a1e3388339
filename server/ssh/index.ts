/** The SSH layer: one wrapper around ssh2 (see connect.ts and session.ts for the invariants). */
export { connectHost } from './connect';
export { probeHostKey, type ProbeTarget } from './probe-host-key';
export { SshSession } from './session';
export { withHost } from './with-host';
export { checkSudo } from './check-sudo';
export { mapLimit, DEFAULT_FAN_OUT } from './map-limit';
export { shellQuote, shellQuoteArg } from './quote';
export { fingerprintOf } from './host-key';
export { SshError, SSH_ERROR_KINDS, classifySshError, classifySudoFailure, type SshErrorKind, type SshErrorDetails } from './errors';
export type { SshAuth, SshTarget, ConnectOptions, ClockReading, ExecOptions, ExecResult, HostKeyFingerprint, PresentedHostKey } from './types';
