/** /etc/os-release (freedesktop format: KEY=value, values optionally quoted). Pure. */
export interface OsRelease {
  id: string;
  versionId: string;
  prettyName: string;
  idLike: string[];
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2].replace(/\\(["$`\\])/g, '$1') : value;
}

export function parseOsRelease(text: string): OsRelease | undefined {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) values.set(m[1], unquote(m[2]));
  }
  const id = values.get('ID');
  if (!id) return undefined;
  return {
    id: id.toLowerCase(),
    versionId: values.get('VERSION_ID') ?? '',
    prettyName: values.get('PRETTY_NAME') ?? `${id} ${values.get('VERSION_ID') ?? ''}`.trim(),
    idLike: (values.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
  };
}
