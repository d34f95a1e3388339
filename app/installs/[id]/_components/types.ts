import type { InstallConfig } from '@/lib/config/schema';
import type { ConfigIssueWithStep } from '@/lib/config/issues';

/** GET /api/installs/:id (secrets in `config` are `{ set }` only). */
export interface InstallDetail {
  id: string;
  name: string;
  status: string;
  step: string | null;
  config: InstallConfig;
  errors: ConfigIssueWithStep[];
  warnings: ConfigIssueWithStep[];
  updatedAt: string;
}

/** PUT /api/installs/:id answer. */
export interface SaveResult {
  status?: string;
  errors?: ConfigIssueWithStep[];
  warnings?: ConfigIssueWithStep[];
}
