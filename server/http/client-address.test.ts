import { describe, expect, it } from 'vitest';
import { clientAddressOf, normaliseAddress } from './client-address';

describe('clientAddressOf', () => {
  const proxies = ['127.0.0.1', '10.0.0.2'];

  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', [])).toBe('203.0.113.9');
    expect(clientAddressOf('::ffff:203.0.113.9', undefined, [])).toBe('203.0.113.9');
    expect(clientAddressOf(undefined, undefined, [])).toBe('unknown');
  });

  it('behind a trusted proxy, the right-most hop that is not a trusted proxy', () => {
    expect(clientAddressOf('::ffff:127.0.0.1', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddressOf('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2', proxies)).toBe('198.51.100.7'); // 6.6.6.6 is the client's own claim
    expect(clientAddressOf('127.0.0.1', ['6.6.6.6', '198.51.100.7'], proxies)).toBe('198.51.100.7');
    expect(clientAddressOf('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', '10.0.0.2', proxies)).toBe('127.0.0.1');
  });

  it('an untrusted peer cannot choose its address by sending X-Forwarded-For', () => {
    expect(clientAddressOf('203.0.113.9', '127.0.0.1', proxies)).toBe('203.0.113.9');
  });

  it('normalises IPv4-mapped IPv6 only', () => {
    expect(normaliseAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseAddress('2001:db8::1')).toBe('2001:db8::1');
  });
});
