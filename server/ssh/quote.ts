/**
 * The one place a command line is built. Every argv element is single-quoted POSIX style
 * ('it'"'"'s'), so the remote shell passes each one through verbatim as one word. Callers never
 * paste user strings into a command line; a shell pipeline is written as ['sh', '-c', script, ...args].
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuoteArg(arg: string): string {
  if (arg.includes('\0')) throw new TypeError('a command argument cannot contain a NUL byte');
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'"'"'`)}'`;
}

export function shellQuote(argv: readonly string[]): string {
  if (argv.length === 0) throw new TypeError('shellQuote: empty argv');
  return argv.map(shellQuoteArg).join(' ');
}
