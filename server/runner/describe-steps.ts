/**
 * Stage-and-host lists in operator words, for what a run did, what a retry will do and what an
 * install still needs: "Install Kubernetes on master2, then Install KubeSphere and Verify on all 3
 * hosts". Pure; the run view sends the sentences so the page says exactly what the planner plans.
 */

export interface Step {
  label: string;
  /** [] for a stage with no hosts (Write configuration). */
  hosts: string[];
}

const MAX_NAMED = 4;

/** "on master2", "on all 3 hosts", "on lab1, lab2, lab3 and 2 more"; '' for a hostless stage. */
export function hostsPhrase(hosts: readonly string[], scope: readonly string[]): string {
  if (hosts.length === 0) return '';
  const all = scope.length > 1 && hosts.length === scope.length && scope.every((h) => hosts.includes(h));
  if (all) return `on all ${scope.length} hosts`;
  if (hosts.length <= MAX_NAMED) return `on ${joinAnd(hosts)}`;
  return `on ${hosts.slice(0, MAX_NAMED - 1).join(', ')} and ${hosts.length - (MAX_NAMED - 1)} more`;
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Consecutive steps on the same hosts are named together: "A and B on all 3 hosts". */
export function describeSteps(steps: readonly Step[], scope: readonly string[]): string {
  const groups: { labels: string[]; where: string }[] = [];
  for (const step of steps) {
    const where = hostsPhrase(step.hosts, scope);
    const last = groups[groups.length - 1];
    if (last && last.where === where) last.labels.push(step.label);
    else groups.push({ labels: [step.label], where });
  }
  return groups.map((g) => [joinAnd(g.labels), g.where].filter(Boolean).join(' ')).join(', then ');
}
