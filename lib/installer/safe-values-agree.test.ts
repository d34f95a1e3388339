/**
 * One definition of "safe value": whatever the rules accept in a field, the renderer writes; whatever
 * the renderer would refuse, the rules report at the field (so no saved config has files that cannot
 * be downloaded). Checked for every awkward character in a free-text vars.yml field and a hosts.ini
 * field, for both outcomes.
 */
import { describe, expect, it } from 'vitest';
import { seedConfig } from '../config/fixtures';
import type { InstallConfig } from '../config/schema';
import { validateConfig, isValidConfig } from '../config/validate';
import { renderHostsIni } from './hosts-ini';
import { renderVarsYml } from './vars-yml';

const AWKWARD = [
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u001c',
  '\u001d',
  '\u001e',
  '\u007f',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\t',
  '\r',
  '\n',
  '{{',
  '{%',
  '{#',
  'é',
];

const FIELDS: { name: string; path: string; set: (c: InstallConfig, v: string) => void }[] = [
  { name: 'Jenkins Java options (vars.yml free text)', path: 'options.devops.javaOpts', set: (c, v) => void (c.options.devops.javaOpts = `-Xms3g${v}-Xmx6g`) },
  { name: 'NFS path (vars.yml)', path: 'storage.nfs.path', set: (c, v) => void (c.storage.nfs.path = `/mnt/a${v}b`) },
  { name: 'SSH address (hosts.ini)', path: 'hosts.3.address', set: (c, v) => void (c.hosts[3] && (c.hosts[3].address = `node${v}x.example.com`)) },
];

function renders(config: InstallConfig): boolean {
  if (!isValidConfig(config)) return false;
  try {
    renderVarsYml(config, { secrets: 'placeholder' });
    renderHostsIni(config, { secrets: 'placeholder' });
    return true;
  } catch {
    return false;
  }
}

describe.each(FIELDS)('$name', ({ path, set }) => {
  it.each(AWKWARD.map((ch) => [JSON.stringify(ch), ch]))('%s: accepted by the rules exactly when the files can be written', (_label, ch) => {
    const config = seedConfig();
    set(config, ch);
    const atField = validateConfig(config).errors.filter((issue) => issue.path === path);
    const accepted = validateConfig(config).errors.length === 0;
    expect(accepted || atField.length > 0, 'a refusal names the field').toBe(true);
    expect(accepted, `rules ${accepted ? 'accept' : 'refuse'} the value`).toBe(renders(config));
  });
});
