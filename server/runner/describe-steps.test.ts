import { describe, expect, it } from 'vitest';
import { describeSteps, hostsPhrase, joinAnd } from './describe-steps';

const SCOPE = ['master1', 'master2', 'worker1'];

describe('describeSteps', () => {
  it('names hosts, "all N hosts" for the whole scope, and nothing for a hostless stage', () => {
    expect(hostsPhrase(['master2'], SCOPE)).toBe('on master2');
    expect(hostsPhrase(['worker1', 'master1', 'master2'], SCOPE)).toBe('on all 3 hosts');
    expect(hostsPhrase([], SCOPE)).toBe('');
    expect(hostsPhrase(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd', 'e', 'f'])).toBe('on a, b, c and 2 more');
    expect(hostsPhrase(['only'], ['only'])).toBe('on only');
  });

  it('groups consecutive stages on the same hosts', () => {
    expect(
      describeSteps(
        [
          { label: 'Install Kubernetes', hosts: ['master2'] },
          { label: 'Install KubeSphere', hosts: SCOPE },
          { label: 'Verify', hosts: SCOPE },
        ],
        SCOPE,
      ),
    ).toBe('Install Kubernetes on master2, then Install KubeSphere and Verify on all 3 hosts');
    expect(
      describeSteps(
        [
          { label: 'Write configuration', hosts: [] },
          { label: 'Initiate environment', hosts: ['master1', 'worker1'] },
        ],
        SCOPE,
      ),
    ).toBe('Write configuration, then Initiate environment on master1 and worker1');
    expect(describeSteps([], SCOPE)).toBe('');
  });

  it('joins with commas and "and"', () => {
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
