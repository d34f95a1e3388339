/**
 * The cluster certificates' expiry, judged (pure). kubeadm's certificates are valid one year after
 * the install; after that kubectl says `x509: certificate has expired` (kubesphere-2.0-installer.md
 * §5.8). The page warns 30 days before.
 */
import type { CertExpiry } from '@/lib/api/cluster';

export type { CertExpiry };
export const CERT_WARN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `notAfter=Dec  2 16:21:03 2027 GMT` (openssl x509 -enddate -noout) → the date, or null. */
export function parseNotAfter(stdout: string): Date | null {
  const m = /^notAfter=(.+)$/m.exec(stdout);
  if (!m?.[1]) return null;
  const date = new Date(m[1].trim().replace(/\s+/g, ' '));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function judgeCertExpiry(host: string, notAfter: Date, now: Date): CertExpiry {
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  const day = notAfter.toISOString().slice(0, 10);
  const base = { host, notAfter: notAfter.toISOString(), daysLeft };
  if (notAfter.getTime() <= now.getTime()) {
    return {
      ...base,
      status: 'expired',
      message: `The certificates on ${host} expired on ${day}: kubectl fails with "x509: certificate has expired". Renew them on every master (kubeadm alpha certs renew all), then restart the control plane.`,
    };
  }
  if (daysLeft < CERT_WARN_DAYS) {
    return {
      ...base,
      status: 'warn',
      message: `The certificates on ${host} expire on ${day}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}: renew them on every master before then (kubeadm alpha certs renew all).`,
    };
  }
  return { ...base, status: 'ok', message: `The certificates on ${host} expire on ${day} (in ${daysLeft} days).` };
}

export function unknownCertExpiry(host: string, why: string): CertExpiry {
  return { host, status: 'unknown', notAfter: null, daysLeft: null, message: `The certificate expiry on ${host} could not be read: ${why}` };
}
