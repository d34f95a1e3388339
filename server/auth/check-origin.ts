/**
 * CSRF guard: a state-changing request (POST/PUT/PATCH/DELETE) must carry an `Origin` header that is
 * exactly one of the wizard's own origins, scheme included (server/http/wizard-origins.ts). Browsers
 * always send Origin on such requests; scripts send it explicitly. Comparing with the request's own
 * Host would not do: both come from the client, and a DNS-rebinding page controls both. Together with
 * the SameSite=Strict session cookie this refuses cross-site writes.
 */
import { isAllowedOrigin } from '../http/wizard-origins';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** True when the Origin header names one of the wizard's own origins. */
export function hasWizardOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  return origin !== null && origin !== 'null' && isAllowedOrigin(origin);
}
