/**
 * Headers on every answer of the wizard (pages, API, socket.io, refusals): a Content-Security-Policy
 * that fits the Next.js App Router and Mantine, no framing, no MIME sniffing, no referrer.
 *
 * The policy: everything from the wizard's own origin only ('self'; live updates are same-origin
 * WebSocket / XHR). Scripts and styles may be inline: Next's App Router streams its page data in
 * inline <script> tags and Mantine injects <style> tags, and the wizard does not render pages per
 * request with a nonce. What the policy adds is that no script, style, image, font, frame or
 * connection can come from anywhere else, no plugin runs, <base> and form targets stay on the
 * wizard, and no other site can frame it. Development adds 'unsafe-eval' (React Refresh).
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(dev: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(dev),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
