'use client';

import type { WizardStepId } from '@/lib/config/steps';
import { HostsStep } from './hosts-step';
import { RolesStep } from './roles-step';
import { LoadBalancerStep } from './load-balancer-step';
import { StorageStep } from './storage-step';
import { NetworkStep } from './network-step';
import { ReviewStep } from './review-step';

export function StepContent({ step }: { step: WizardStepId }) {
  switch (step) {
    case 'hosts':
      return <HostsStep />;
    case 'roles':
      return <RolesStep />;
    case 'loadBalancer':
      return <LoadBalancerStep />;
    case 'storage':
      return <StorageStep />;
    case 'network':
      return <NetworkStep />;
    case 'review':
      return <ReviewStep />;
  }
}
