/**
 * CSRF guard: a state-changing request (POST/PUT/PATCH/DELETE) must carry an `Origin` header whose
 * host:port equals the request's `Host`. Browsers always send Origin on such requests; scripts
 * send it explicitly. Together with the SameSite=Strict session cookie this refuses cross-site writes.
 */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** True when the Origin header names the same host (and port) the request was sent to. */
export function hasSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('host');
  if (!origin || !host || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
