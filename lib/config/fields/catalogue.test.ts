/**
 * The catalogue's invariants, and the claim it exists for: a new vars.yml key is one entry. A test
 * adds a synthetic entry and sees it in the model's type and schema, defaulted, rendered, imported
 * back under both versions' names, labelled in a safety message and refused when unsafe, with
 * nothing else changed.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { importVarsYml } from '../../installer/import-vars-yml';
import type { ImportProblem } from '../../installer/import-problem';
import { reporter } from '../../installer/import-problem';
import { renderVarsYml } from '../../installer/vars-yml';
import { defaultConfig } from '../defaults';
import { seedConfig } from '../fixtures';
import { catalogueValues, unsafeValueIssues } from '../rules/safety';
import { installConfigShape } from '../schema';
import { secretSchema } from '../secret';
import { assertValid, validateConfig } from '../validate';
import { readPath } from './access';
import { FIELD_CATALOGUE, keyIndex, keyOf, labelOf, VARS_LINES } from './catalogue';
import { defaultsTree } from './defaults';
import { fieldsOfGroup } from './form-groups';
import { modelSchemaOf } from './model';
import { fieldEntry, VARS_TARGETS } from './types';

/** Every leaf path of a zod object (a secret is one leaf). */
function leafPaths(schema: z.ZodType, prefix: string): string[] {
  if (schema === secretSchema || !(schema instanceof z.ZodObject)) return [prefix];
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) => leafPaths(child, `${prefix}.${key}`));
}

describe('field catalogue', () => {
  it('is the vars part of the config model: one entry per leaf, and nothing else there', () => {
    const shape = installConfigShape.shape;
    const leaves = (['qingcloud', 'storage', 'network', 'options'] as const).flatMap((part) => leafPaths(shape[part], part));
    expect(leaves.sort()).toEqual(FIELD_CATALOGUE.map((e) => e.path).sort());
    expect(new Set(FIELD_CATALOGUE.map((e) => e.path.split('.')[0]))).toEqual(new Set(['qingcloud', 'storage', 'network', 'options']));
  });

  it('names every field once per installer version, and labels each field once', () => {
    for (const target of VARS_TARGETS) {
      const names = FIELD_CATALOGUE.map((e) => keyOf(e.keys, target));
      expect(new Set(names).size, target).toBe(names.length);
    }
    const labels = FIELD_CATALOGUE.map((e) => e.label);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });

  it.each([
    ['storage.localVolume.enabled', 'local_volume_provisioner_enabled', 'local_volume_enabled'],
    ['storage.localVolume.storageClass', 'local_volume_provisioner_storage_class', 'local_volume_storage_class'],
    ['storage.nfs.enabled', 'nfs_client_enable', 'nfs_client_enabled'],
    ['qingcloud.lbEnabled', 'qingcloud_lb_enable', 'qingcloud_lb_enabled'],
    ['options.harbor.enabled', 'harbor_enable', 'harbor_enabled'],
    ['options.gitlab.enabled', 'gitlab_enable', 'gitlab_enabled'],
    ['options.devops.sonarqubeEnabled', 'sonarqube_enable', 'sonarqube_enabled'],
    ['options.logging.kibanaEnabled', 'kibana_enable', 'kibana_enabled'],
    ['options.logging.keepLogDays', 'keep_log_days', 'log_max_age'],
    ['options.monitoring.prometheusMemory', 'prometheus_memory_size', 'prometheus_memory_request'],
  ] as const)('%s is %s in 2.0.2 and %s in 2.1; both import', (path, v20, v21) => {
    const entry = FIELD_CATALOGUE.find((e) => e.path === path);
    expect(entry && keyOf(entry.keys, '2.0.2')).toBe(v20);
    expect(entry && keyOf(entry.keys, '2.1')).toBe(v21);
    const index = keyIndex(FIELD_CATALOGUE);
    expect(index.get(v20)?.entry.path).toBe(path);
    expect(index.get(v21)?.entry.path).toBe(path);
    expect(index.get('ceph_rbd_monitors')?.targets).toEqual(['2.0.2', '2.1']);
  });

  it('gives the defaults of a new install', () => {
    const config = defaultConfig();
    for (const entry of FIELD_CATALOGUE) {
      expect(readPath(config, entry.path), entry.path).toEqual(entry.kind === 'secret' ? { set: false } : entry.default);
    }
  });

  it('is the one label of a field in messages as in the form (no drift)', () => {
    const c = seedConfig();
    c.options.monitoring.prometheusMemory = '400 Mi';
    const issue = validateConfig(c).errors.find((e) => e.path === 'options.monitoring.prometheusMemory')?.message ?? '';
    expect(issue).toMatch(new RegExp(`^${labelOf('options.monitoring.prometheusMemory')} "400 Mi"`));
    expect(labelOf('options.monitoring.prometheusMemory')).toBe('Prometheus memory request');
  });

  it('makes a new vars.yml key one entry: typed, parsed, defaulted, rendered, imported (both names), labelled, checked', () => {
    // not in the model: the entry alone brings it
    const synthetic = fieldEntry('options.monitoring.grafanaAdminUser', {
      label: 'Grafana admin user',
      kind: 'string',
      keys: { '2.0.2': 'grafana_admin_user', '2.1': 'grafana_admin' },
      default: 'admin',
      emptyToken: 'SHOULD_BE_REPLACED',
      comment: ['# Grafana login'],
      form: { group: 'monitoring' },
    });
    const lines = [...VARS_LINES.slice(0, -1), synthetic, ...VARS_LINES.slice(-1)];
    const catalogue = [...FIELD_CATALOGUE, synthetic];

    // typed and parsed: the schema built from the catalogue has the field, beside the others
    const schema = modelSchemaOf(catalogue);
    expectTypeOf<z.infer<typeof schema>['options']['monitoring']>().toEqualTypeOf<{
      prometheusReplica: number;
      prometheusMemory: string;
      prometheusVolume: string;
      grafanaAdminUser: string;
    }>();
    expect(schema.shape.options.shape.monitoring.parse({ ...defaultConfig().options.monitoring, grafanaAdminUser: 'ops' })).toMatchObject({
      grafanaAdminUser: 'ops',
      prometheusReplica: 2,
    });
    expect(() => schema.shape.options.shape.monitoring.parse(defaultConfig().options.monitoring)).toThrow(/grafanaAdminUser/);

    // defaulted: the tree of defaults carries it
    const tree = defaultsTree(catalogue);
    expect(readPath(tree, synthetic.path)).toBe('admin');
    expect(schema.parse(tree).options.monitoring.grafanaAdminUser).toBe('admin');

    // rendered after its comment, everything else unchanged
    const config = {
      ...assertValid(seedConfig()),
      options: { ...seedConfig().options, monitoring: { ...seedConfig().options.monitoring, grafanaAdminUser: 'ops' } },
    };
    const text = renderVarsYml(config, { secrets: 'placeholder' }, lines);
    expect(text).toContain('# Grafana login\ngrafana_admin_user: ops\n');
    expect(text.replace('# Grafana login\ngrafana_admin_user: ops\n', '')).toBe(renderVarsYml(config, { secrets: 'placeholder' }));

    // imported back, under the 2.0.2 and the 2.1 name
    for (const [file, expected] of [
      [text, 'ops'],
      ['grafana_admin: viewer\n', 'viewer'],
      ['grafana_admin_user: SHOULD_BE_REPLACED\n', ''],
    ] as const) {
      const back = defaultConfig();
      const problems: ImportProblem[] = [];
      importVarsYml(file, back, undefined, reporter('vars.yml', problems), lines);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(problems.some((p) => p.message.includes('grafana'))).toBe(file.startsWith('grafana_admin:'));
      expect(readPath(back, synthetic.path)).toBe(expected);
    }

    // labelled and checked like every text the file carries
    const unsafe = { ...config, options: { ...config.options, monitoring: { ...config.options.monitoring, grafanaAdminUser: '{{ x }}' } } };
    const issues = unsafeValueIssues(catalogueValues(unsafe, catalogue), 'yaml-string', 'safety.vars-yml');
    expect(issues).toEqual([expect.objectContaining({ path: synthetic.path, message: expect.stringMatching(/^Grafana admin user contains "\{\{"/) })]);
    expect(() => renderVarsYml(unsafe, { secrets: 'placeholder' }, lines)).toThrow(/grafana_admin_user/);
  });

  it('puts every field in the form: in a group, or drawn by its step (storage switches, QingCloud LB plugin)', () => {
    const drawnBySteps = FIELD_CATALOGUE.filter((e) => e.form.group === false).map((e) => e.path);
    expect(drawnBySteps.every((p) => /^storage\.\w+\.(enabled|isDefault)$/.test(p) || p === 'qingcloud.lbEnabled')).toBe(true);
    expect(FIELD_CATALOGUE.every((e) => e.form.group === false || fieldsOfGroup(e.form.group).includes(e))).toBe(true);
  });

  it('keeps comment-only text where the file has it', () => {
    const last = VARS_LINES.at(-1);
    expect(last?.kind === 'text' && last.lines).toContain('# nvidia_gpu_nodes:');
  });
});
