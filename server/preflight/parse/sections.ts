/** Splits the gather script's output into named sections (`@@ksw:<name>` marker lines). Pure. */
export const SECTION_MARK = '@@ksw:';

export function splitSections(stdout: string): Map<string, string> {
  const sections = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (name !== undefined) sections.set(name, lines.join('\n').trim());
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(SECTION_MARK)) {
      flush();
      name = line.slice(SECTION_MARK.length).trim();
      lines = [];
    } else if (name !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** `key=value` lines (first `=` splits); lines without `=` are ignored. */
export function parseKeyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return out;
}
