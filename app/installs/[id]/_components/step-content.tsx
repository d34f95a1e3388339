'use client';

/**
 * The current step's form. Each step is its own chunk: the first load carries only the step the
 * page opens on (server-rendered), and Review's file renderers and the yaml library only load
 * when Review is opened (bench/pages.ts measures the first load).
 */
import dynamic from 'next/dynamic';
import type { WizardStepId } from '@/lib/config/steps';

const HostsStep = dynamic(() => import('./hosts-step').then((m) => m.HostsStep));
const RolesStep = dynamic(() => import('./roles-step').then((m) => m.RolesStep));
const LoadBalancerStep = dynamic(() => import('./load-balancer-step').then((m) => m.LoadBalancerStep));
const StorageStep = dynamic(() => import('./storage-step').then((m) => m.StorageStep));
const NetworkStep = dynamic(() => import('./network-step').then((m) => m.NetworkStep));
const ReviewStep = dynamic(() => import('./review-step').then((m) => m.ReviewStep));

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
