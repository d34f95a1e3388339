/**
 * Calling the wizard's API as the logged-in browser does: through the page's request context (its
 * session cookie) with the page's Origin (the CSRF check every write passes). Each call checks the
 * status first, with the response text as the failure message, so a refused call says why.
 */
import { expect, type APIResponse, type Page } from '@playwright/test';

/** `undefined`: any 2xx; a number: exactly that status. */
type ExpectedStatus = number | undefined;

export class ApiCaller {
  constructor(
    private readonly page: Page,
    private readonly origin: string,
  ) {}

  /** POSTs `data` as JSON; returns the parsed body (null when empty). */
  post<T>(url: string, data: unknown, expected?: ExpectedStatus): Promise<T> {
    return this.send<T>('POST', url, data, expected);
  }

  /** PUTs `data` as JSON; returns the parsed body (null when empty). */
  put<T>(url: string, data: unknown, expected?: ExpectedStatus): Promise<T> {
    return this.send<T>('PUT', url, data, expected);
  }

  /** GETs `url`, expecting 200; returns the parsed body. */
  async get<T>(url: string): Promise<T> {
    return JSON.parse(await this.getText(url)) as T;
  }

  /** GETs `url`, expecting 200; returns the body as sent (to look for what must not be in it). */
  async getText(url: string): Promise<string> {
    const res = await this.page.request.get(url);
    const text = await res.text();
    expect(res.status(), text).toBe(200);
    return text;
  }

  /** Polls a GET until `done` says its body is final (a run or a check that ended); returns that body. */
  async settle<T>(url: string, done: (body: T) => boolean, timeoutMs: number): Promise<T> {
    let body: T | undefined;
    await expect
      .poll(
        async () => {
          body = (await (await this.page.request.get(url)).json()) as T;
          return done(body);
        },
        { message: `${url} settles`, timeout: timeoutMs, intervals: [1000, 2000] },
      )
      .toBe(true);
    return body as T;
  }

  private async send<T>(method: 'POST' | 'PUT', url: string, data: unknown, expected: ExpectedStatus): Promise<T> {
    const res = await this.page.request.fetch(url, { method, data, headers: { origin: this.origin } });
    return parsed<T>(res, expected);
  }
}

async function parsed<T>(res: APIResponse, expected: ExpectedStatus): Promise<T> {
  const text = await res.text();
  if (expected === undefined) expect(res.status(), text).toBeLessThan(300);
  else expect(res.status(), text).toBe(expected);
  return (text ? JSON.parse(text) : null) as T;
}
