/**
 * The preflight stream's event names, in a module with no imports: the browser's preflight page
 * imports it, and view.ts (which pulls in the check catalog and node built-ins) must stay out of
 * the client bundle.
 */

/** Sent to a preflight stream's room when the run ends, and to a socket that joined (after its backfill). */
export const PREFLIGHT_STATUS_EVENT = 'preflight:status';
