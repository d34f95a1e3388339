/**
 * What a page's first-load JavaScript is made of: each script's gzipped size shared out over the
 * source files (grouped by package, or by our own folder) its source map names, in proportion to the
 * bytes each one generated. Needs a build with browser source maps (`KSW_SOURCE_MAPS=1 npx next
 * build`, see next.config.js); bench/pages.ts prints it with `-- --sources`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source index of each mapping segment, with its generated line and column (source map v3 VLQ). */
function segments(mappings: string): { line: number; column: number; source: number }[] {
  const out: { line: number; column: number; source: number }[] = [];
  let source = 0;
  mappings.split(';').forEach((lineText, line) => {
    let column = 0;
    for (const seg of lineText.split(',')) {
      if (seg === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        out.push({ line, column, source });
      }
    }
  });
  return out;
}

/** A package name, or our own top folder and file (`app/installs/[id]/_components/wizard.tsx`). */
function groupOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg?.[1]) return pkg[1];
  return source.replace(/^turbopack:\/\/\/\[project\]\//, '').replace(/^turbopack:\/\/\/\[turbopack\]\/.*/, '(bundler runtime)');
}

/** gzip bytes per group over the scripts at `urls` (paths under /_next/), biggest first. */
export function chunkSources(urls: string[]): { group: string; gzipBytes: number }[] | null {
  const totals = new Map<string, number>();
  let mapped = false;
  for (const url of urls) {
    const file = path.resolve('.next', url.replace(/^\/_next\//, ''));
    if (!fs.existsSync(file)) continue;
    const code = fs.readFileSync(file, 'utf8');
    const ratio = gzipSync(code, { level: 9 }).length / Math.max(1, code.length);
    const ref = /sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    const mapFile = ref ? path.join(path.dirname(file), ref) : '';
    if (!ref || !fs.existsSync(mapFile)) {
      totals.set('(no source map)', (totals.get('(no source map)') ?? 0) + code.length * ratio);
      continue;
    }
    mapped = true;
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
    const lineStart: number[] = [];
    let offset = 0;
    for (const l of code.split('\n')) {
      lineStart.push(offset);
      offset += l.length + 1;
    }
    const segs = segments(map.mappings)
      .map((s) => ({ at: (lineStart[s.line] ?? 0) + s.column, source: s.source }))
      .sort((a, b) => a.at - b.at);
    segs.forEach((s, i) => {
      const end = segs[i + 1]?.at ?? code.length;
      const group = groupOf(map.sources[s.source] ?? '');
      totals.set(group, (totals.get(group) ?? 0) + (end - s.at) * ratio);
    });
  }
  if (!mapped) return null;
  return [...totals].map(([group, gzipBytes]) => ({ group, gzipBytes })).sort((a, b) => b.gzipBytes - a.gzipBytes);
}
