/**
 * e2e/fixtures/seed-hosts.ini and seed-vars.yml are the renderer's placeholder-mode output for
 * seedConfig(); the end-to-end test compares the wizard's downloads to them byte for byte.
 * Regenerate with UPDATE_FIXTURES=1 after a deliberate renderer change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedConfig } from '../config/fixtures';
import { assertValid } from '../config/validate';
import { renderHostsIni } from './hosts-ini';
import { renderVarsYml } from './vars-yml';

const dir = path.resolve(import.meta.dirname, '../../e2e/fixtures');
const files = {
  'seed-hosts.ini': () => renderHostsIni(assertValid(seedConfig()), { secrets: 'placeholder' }),
  'seed-vars.yml': () => renderVarsYml(assertValid(seedConfig()), { secrets: 'placeholder' }),
};

describe('e2e seed fixtures', () => {
  it.each(Object.entries(files))('%s is the rendered seed config', (name, render) => {
    const file = path.join(dir, name);
    if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(file, render());
    expect(fs.readFileSync(file, 'utf8')).toBe(render());
  });
});
