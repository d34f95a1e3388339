/**
 * How large an imported hosts.ini / vars.yml may be, checked by one cheap pass over the text before
 * anything parses it (a parser's cost grows with its input; these bounds keep an import well under a
 * second of the server's event loop). Generous for real clusters: the docs' files are a few dozen
 * lines, and 1,000 hosts fit in every limit.
 *
 * Counts are upper bounds taken without parsing: "hosts" are the non-blank, non-comment lines of
 * [all] sections, "keys" the lines that start a top-level `key:` in vars.yml.
 */
import type { ImportProblem } from './import-problem';

export const IMPORT_LIMITS = {
  hostsIniBytes: 512 * 1024,
  hostsIniLines: 10_000,
  hosts: 1_000,
  varsYmlBytes: 128 * 1024,
  varsYmlLines: 2_000,
  varsYmlKeys: 500,
} as const;

/** UTF-8 size of `text` without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
const LINE_BREAK = /\r\n|\n|\r/;
const TOP_LEVEL_KEY = /^[^\s#-][^:]*:(\s|$)/;
const COMMENT_OR_BLANK = /^\s*([#;]|$)/;

interface Scan {
  lines: number;
  /** Lines of [all] sections that may be host lines (hosts.ini) / top-level keys (vars.yml). */
  entries: number;
}

function scanHostsIni(text: string): Scan {
  const lines = text.split(LINE_BREAK);
  let inAll = false;
  let entries = 0;
  for (const line of lines) {
    if (COMMENT_OR_BLANK.test(line)) continue;
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) inAll = /^\[all\]/.test(trimmed);
    else if (inAll) entries += 1;
  }
  return { lines: lines.length, entries };
}

function scanVarsYml(text: string): Scan {
  const lines = text.split(LINE_BREAK);
  return { lines: lines.length, entries: lines.filter((line) => TOP_LEVEL_KEY.test(line)).length };
}

function fileProblem(file: ImportProblem['file'], message: string): ImportProblem {
  return { file, line: 0, severity: 'error', message };
}

/** The limits `hostsIni` / `varsYml` exceed (line 0: the whole file); empty when both fit. */
export function importLimitProblems(hostsIni: string, varsYml: string): ImportProblem[] {
  const L = IMPORT_LIMITS;
  const problems: ImportProblem[] = [];
  if (utf8Bytes(hostsIni) > L.hostsIniBytes) problems.push(fileProblem('hosts.ini', `the file is larger than ${kib(L.hostsIniBytes)}`));
  else {
    const scan = scanHostsIni(hostsIni);
    if (scan.lines > L.hostsIniLines)
      problems.push(fileProblem('hosts.ini', `the file has ${scan.lines} lines; the wizard imports at most ${L.hostsIniLines} lines`));
    else if (scan.entries > L.hosts) problems.push(fileProblem('hosts.ini', `[all] lists ${scan.entries} hosts; the wizard installs at most ${L.hosts} hosts`));
  }
  if (utf8Bytes(varsYml) > L.varsYmlBytes) problems.push(fileProblem('vars.yml', `the file is larger than ${kib(L.varsYmlBytes)}`));
  else {
    const scan = scanVarsYml(varsYml);
    if (scan.lines > L.varsYmlLines)
      problems.push(fileProblem('vars.yml', `the file has ${scan.lines} lines; the wizard imports at most ${L.varsYmlLines} lines`));
    else if (scan.entries > L.varsYmlKeys)
      problems.push(fileProblem('vars.yml', `the file sets ${scan.entries} keys; the wizard imports at most ${L.varsYmlKeys} keys`));
  }
  return problems;
}
