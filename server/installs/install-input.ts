/** Request-body schemas of the installs API (shape only: the config rules run after the secret merge). */
import { z } from 'zod';
import { installConfigShape, installerProfileSchema } from '@/lib/config/schema';
import { WIZARD_STEPS } from '@/lib/config/steps';

const stepIds = WIZARD_STEPS.map((s) => s.id) as [string, ...string[]];
const installName = z.string().trim().min(1, 'give the install a name').max(200, 'the name is too long (200 characters at most)');
const MAX_FILE = 1024 * 1024;

export const createInstallInput = z.object({ name: installName, config: installConfigShape.optional() });

export const updateInstallInput = z.object({
  name: installName.optional(),
  step: z.enum(stepIds).optional(),
  config: installConfigShape,
  draft: z.boolean().optional(),
});

export const importInstallInput = z.object({
  name: installName,
  hostsIni: z.string().min(1, 'paste or upload conf/hosts.ini').max(MAX_FILE, 'hosts.ini is larger than 1 MiB'),
  varsYml: z.string().min(1, 'paste or upload conf/vars.yml').max(MAX_FILE, 'vars.yml is larger than 1 MiB'),
  installer: installerProfileSchema.partial().optional(),
});
