/** Request-body schemas of the runs API: a new install run, a retry, a day-2 operation (shape only; the server plans and refuses). */
import { z } from 'zod';
import { VAR_NAME, extraVarProblem } from '@/lib/runs/extra-vars';
import { OPERATION_KINDS, type OperationKind } from './runs';

/** Extra vars in a request body (a run, a day-2 operation): names and plain values, each judged by extraVarProblem (422 naming the variable). */
const extraVarsInput = z
  .record(z.string().regex(VAR_NAME, 'extra var names are identifiers'), z.union([z.string(), z.number(), z.boolean()]))
  .superRefine((vars, ctx) => {
    for (const [name, value] of Object.entries(vars)) {
      const message = extraVarProblem(name, value);
      if (message !== undefined) ctx.addIssue({ code: 'custom', path: [name], message });
    }
  });

export const createRunInput = z.object({
  stages: z.array(z.string().min(1)).min(1).optional(),
  hosts: z.array(z.string().min(1)).min(1).optional(),
  extraVars: extraVarsInput.optional(),
});
export type CreateRunInput = z.infer<typeof createRunInput>;

/** The body of POST /api/installs/:id/runs: a run's input plus the warnings acknowledgement. */
export const startInstallInput = createRunInput.extend({ acknowledgeWarnings: z.boolean().optional() });
export type StartInstallInput = z.infer<typeof startInstallInput>;

/** POST /api/runs/:id/retry */
export const retryRunInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('failed') }),
  z.object({ mode: z.literal('resume') }),
  z.object({ mode: z.literal('stage'), stage: z.string().min(1) }),
]);
export type RetryRunInput = z.infer<typeof retryRunInput>;

/** POST /api/installs/:id/operations */
export const startOperationInput = z.object({
  kind: z.enum(OPERATION_KINDS as [OperationKind, ...OperationKind[]]),
  hosts: z.array(z.string().min(1)).min(1).optional(),
  confirm: z.union([z.string(), z.boolean()]).optional(),
  acknowledgeWarnings: z.boolean().optional(),
  extraVars: extraVarsInput.optional(),
});
export type StartOperationInput = z.infer<typeof startOperationInput>;
