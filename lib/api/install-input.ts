/** Request-body schemas of the installs API (shape only: the config rules run after the secret merge). */
import { z } from 'zod';
import { installConfigShape, installerProfileSchema } from '@/lib/config/schema';
import { WIZARD_STEPS } from '@/lib/config/steps';

const stepIds = WIZARD_STEPS.map((s) => s.id) as [string, ...string[]];
const installName = z.string().trim().min(1, 'give the install a name').max(200, 'the name is too long (200 characters at most)');

export const createInstallInput = z.object({ name: installName, config: installConfigShape.optional() });

export const updateInstallInput = z.object({
  name: installName.optional(),
  step: z.enum(stepIds).optional(),
  config: installConfigShape,
  draft: z.boolean().optional(),
});

export const importInstallInput = z.object({
  name: installName,
  // sizes: the request body limit bounds them, lib/installer/import-limits.ts checks them before parsing
  hostsIni: z.string().min(1, 'paste or upload conf/hosts.ini'),
  varsYml: z.string().min(1, 'paste or upload conf/vars.yml'),
  installer: installerProfileSchema.partial().optional(),
});
