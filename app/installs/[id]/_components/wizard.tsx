'use client';

/**
 * The install wizard: ONE react-hook-form over the whole config (zodResolver with the shared
 * installConfigSchema, so rule errors appear at fields as the operator types), a clickable
 * Stepper over WIZARD_STEPS, live validateConfig issues per step, and draft autosave. Hosts that
 * are also hosts of another install (the server lists those installs' hosts, re-fetched after each
 * save) are checked live too: warnings join the rule warnings, plan-only overlaps are notes.
 * While the cluster exists its nodes' rules (lib/config/cluster-validate.ts) join the resolver and
 * the live lists; while a day-2 operation runs on the install the settings are read only.
 * The page arrives with the server's verdict (`check`: issues and field errors); the rules
 * themselves (zod and every rule) load on the operator's first interaction (validation-loader.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { FormProvider, useForm, useWatch, type Resolver } from 'react-hook-form';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ClusterMember } from '@/lib/config/rules/cluster-members';
import type { ClusterEditState } from '@/lib/api/cluster';
import type { InstallConfig } from '@/lib/config/schema';
import type { ConfigIssueWithStep } from '@/lib/config/issues';
import type { WizardCheck } from '@/lib/config/wizard-check';
import { crossInstallHostIssues } from '@/lib/config/cross-install-hosts';
import { WIZARD_STEPS, isWizardStep, stepForPath, type WizardStepId } from '@/lib/config/steps';
import { StatusBadge } from '@/components/status-badge';
import type { InstallView } from '@/lib/api/installs';
import { useAutosave } from './use-autosave';
import { useSaveBeforeLeaving } from './use-save-before-leaving';
import { useKnownHosts } from './use-known-hosts';
import { RunHistoryLink } from './run-history-link';
import { SaveIndicator } from './save-indicator';
import { WizardContext, type FocusRequest, type WizardContextValue } from './wizard-context';
import { WizardStepper } from './wizard-stepper';
import { StepContent } from './step-content';
import { FinishLine } from './finish-line';
import { InstalledNotice } from './installed-notice';
import { OperationRunningNotice } from './operation-running-notice';
import { loadValidation, loadedValidation, type WizardValidation } from './validation-loader';

function liveIssues(
  validation: WizardValidation,
  config: InstallConfig,
  members: readonly ClusterMember[],
): { errors: ConfigIssueWithStep[]; warnings: ConfigIssueWithStep[] } {
  try {
    return validation.validateClusterConfig(config, members);
  } catch {
    return { errors: [], warnings: [] };
  }
}

const issueKey = (i: ConfigIssueWithStep) => `${i.severity}|${i.path}|${i.message}`;
function merge(a: ConfigIssueWithStep[], b: ConfigIssueWithStep[] | undefined): ConfigIssueWithStep[] {
  if (!b?.length) return a;
  const seen = new Set(a.map(issueKey));
  return [...a, ...b.filter((i) => !seen.has(issueKey(i))).map((i) => ({ ...i, step: i.step ?? stepForPath(i.path) }))];
}

export function Wizard({ install, cluster, check }: { install: InstallView; cluster: ClusterEditState; check: WizardCheck }) {
  const initialStep: WizardStepId = install.step && isWizardStep(install.step) ? install.step : 'hosts';
  const [step, setStep] = useState<WizardStepId>(initialStep);
  const stepRef = useRef(step);

  // the rules load on the first interaction; until then the issues are the server's (`check`)
  const [validation, setValidation] = useState<WizardValidation | null>(loadedValidation);
  const ensureValidation = useCallback(() => {
    if (!validation) void loadValidation().then(setValidation);
  }, [validation]);
  const resolver = useCallback<Resolver<InstallConfig>>(
    async (values, context, options) => (await loadValidation()).resolverFor(cluster.members)(values, context, options),
    [cluster.members],
  );
  const form = useForm<InstallConfig>({
    resolver,
    mode: 'all',
    defaultValues: install.config,
    errors: check.fieldErrors,
    // react-hook-form focuses the first field in error when `errors` arrive; the page must not move
    // focus on load (there is no submit, the only other use of this option)
    shouldFocusError: false,
  });
  const { control, getValues, trigger, setFocus, reset } = form;

  const getPayload = useCallback(() => ({ config: getValues(), step: stepRef.current }), [getValues]);
  const [initialPayload] = useState(() => ({ config: install.config, step: initialStep }));
  const { status, serverCheck, saveNow, schedule, hasUnsaved, saveOnUnload } = useAutosave(install.id, getPayload, initialPayload);
  useSaveBeforeLeaving({ hasUnsaved, saveNow, saveOnUnload });
  const reloadConfig = useCallback(
    (config: InstallConfig) => {
      reset(config);
      void trigger();
    },
    [reset, trigger],
  );

  // every change: revalidate the whole form (cross-field rules) and schedule a draft save
  useEffect(() => {
    const sub = form.watch(() => {
      ensureValidation();
      void trigger();
      schedule();
    });
    return () => sub.unsubscribe();
  }, [form, trigger, schedule, ensureValidation]);

  const knownHosts = useKnownHosts(install.id, serverCheck);
  const values = useWatch({ control });
  const issues = useMemo(() => {
    const config = getValues();
    const live = validation ? liveIssues(validation, config, cluster.members) : check;
    const current = serverCheck && serverCheck.configJson === JSON.stringify(config);
    const cross = crossInstallHostIssues(Array.isArray(config.hosts) ? config.hosts : [], knownHosts);
    const crossWarnings = cross
      .filter((i) => i.severity === 'warning')
      .map(({ code, path, message, step }) => ({ severity: 'warning' as const, code, path, message, step }));
    return {
      errors: current ? merge(live.errors, serverCheck.errors) : live.errors,
      warnings: merge(current ? merge(live.warnings, serverCheck.warnings) : live.warnings, crossWarnings),
      crossInstall: cross,
    };
    // `values` changes whenever any field does; getValues() reads the same snapshot
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `values` is the trigger, not read
  }, [values, serverCheck, getValues, knownHosts, cluster.members, validation, check]);

  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const goToStep = useCallback(
    (next: WizardStepId) => {
      stepRef.current = next;
      setStep(next);
      void saveNow();
    },
    [saveNow],
  );
  const goToIssue = useCallback(
    (path: string) => {
      goToStep(stepForPath(path));
      setFocusRequest({ path, nonce: Date.now() });
    },
    [goToStep],
  );
  // `?host=<name>` (the host checks' "Edit <host>"): open that host's editor once
  const hostParamDone = useRef(false);
  useEffect(() => {
    if (hostParamDone.current) return;
    hostParamDone.current = true;
    const name = new URLSearchParams(window.location.search).get('host');
    const index = name === null ? -1 : install.config.hosts.findIndex((h) => h.name === name);
    if (index >= 0) goToIssue(`hosts.${index}.name`);
  }, [install.config.hosts, goToIssue]);

  // "Go to" links from other pages (the install gate's held logins): /installs/:id?goto=<field path>
  useEffect(() => {
    const path = new URLSearchParams(window.location.search).get('goto');
    if (path && /^(hosts\.\d+|installer\.machine)\.[A-Za-z.]+$/.test(path)) goToIssue(path);
    // once, on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!focusRequest || focusRequest.path.startsWith('hosts.')) return; // the hosts step opens its editor itself
    const t = setTimeout(() => {
      try {
        setFocus(focusRequest.path as Parameters<typeof setFocus>[0]);
      } catch {
        /* a group path (e.g. roles.etcd) has no single field: the step is enough */
      }
    }, 60);
    return () => clearTimeout(t);
  }, [focusRequest, setFocus]);

  const ctx: WizardContextValue = useMemo(
    () => ({
      installId: install.id,
      installName: install.name,
      errors: issues.errors,
      warnings: issues.warnings,
      crossInstall: issues.crossInstall,
      goToIssue,
      focusRequest,
      saveNow,
      reloadConfig,
    }),
    [install.id, install.name, issues, goToIssue, focusRequest, saveNow, reloadConfig],
  );

  // an installed install's settings are what the cluster runs with: read only until the operator
  // chooses to edit them for a new install run (installed-notice.tsx says what that means)
  const installed = (serverCheck?.status ?? install.status) === 'installed';
  const [unlocked, setUnlocked] = useState(false);
  const locked = (installed && !unlocked) || cluster.activeOperation !== null;

  const index = WIZARD_STEPS.findIndex((s) => s.id === step);
  const prev = WIZARD_STEPS[index - 1];
  const next = WIZARD_STEPS[index + 1];

  return (
    <FormProvider {...form}>
      <WizardContext.Provider value={ctx}>
        <Stack gap="lg" onFocusCapture={ensureValidation} onPointerDownCapture={ensureValidation}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Anchor component={Link} href="/installs" size="sm">
                ← Installs
              </Anchor>
              <Group gap="sm" mt={4}>
                <Title order={1} size="h2">
                  {install.name}
                </Title>
                <StatusBadge status={serverCheck?.status ?? install.status} />
              </Group>
            </div>
            <Group gap="md">
              <RunHistoryLink installId={install.id} />
              <SaveIndicator status={status} onRetry={() => void saveNow()} />
            </Group>
          </Group>
          {cluster.activeOperation ? <OperationRunningNotice installId={install.id} operation={cluster.activeOperation} /> : null}
          {installed ? <FinishLine installId={install.id} /> : null}
          {installed ? <InstalledNotice installId={install.id} unlocked={unlocked} onUnlock={() => setUnlocked(true)} /> : null}
          <WizardStepper active={step} onSelect={goToStep} errors={issues.errors} warnings={issues.warnings} />
          <form onSubmit={(e) => e.preventDefault()} noValidate aria-label={`${WIZARD_STEPS[index]?.label ?? ''} step`}>
            <fieldset
              disabled={locked}
              aria-label={locked ? 'Settings as installed (read only)' : undefined}
              style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
            >
              <StepContent step={step} />
            </fieldset>
          </form>
          <Group justify="space-between">
            {prev ? (
              <Button variant="default" onClick={() => goToStep(prev.id)}>
                ← {prev.label}
              </Button>
            ) : (
              <span />
            )}
            {next ? (
              <Button onClick={() => goToStep(next.id)}>Next: {next.label} →</Button>
            ) : (
              <Text size="sm" c="dimmed">
                Drafts are saved automatically.
              </Text>
            )}
          </Group>
        </Stack>
      </WizardContext.Provider>
    </FormProvider>
  );
}
