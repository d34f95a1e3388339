import { describe, expect, it } from 'vitest';
import { judgeCertExpiry, parseNotAfter } from './cert-expiry';

const NOW = new Date('2026-12-02T12:00:00Z');

describe('certificate expiry', () => {
  it("reads openssl's notAfter line", () => {
    expect(parseNotAfter('notAfter=Dec  2 16:21:03 2027 GMT\n')?.toISOString()).toBe('2027-12-02T16:21:03.000Z');
    expect(parseNotAfter('unable to load certificate')).toBeNull();
  });

  it('is ok a year ahead, warns inside 30 days, and says when it expired', () => {
    expect(judgeCertExpiry('lab1', new Date('2027-12-02T12:00:00Z'), NOW)).toMatchObject({ status: 'ok', daysLeft: 365 });
    const soon = judgeCertExpiry('lab1', new Date('2026-12-12T12:00:00Z'), NOW);
    expect(soon).toMatchObject({ status: 'warn', daysLeft: 10 });
    expect(soon.message).toMatch(/expire on 2026-12-12, in 10 days: renew them/);
    expect(judgeCertExpiry('lab1', new Date('2027-01-01T13:00:00Z'), NOW).status).toBe('ok');
    expect(judgeCertExpiry('lab1', new Date('2026-11-01T00:00:00Z'), NOW)).toMatchObject({ status: 'expired' });
  });
});
