/**
 * What an installer profile relaxes, as data per profile (like the server profiles' `labKnownHosts`):
 * the lab stand-in bundles provision nothing real, so some documented minimums only warn there. The
 * rules (browser and server) and preflight read these values; nothing branches on a profile id.
 */
import type { InstallerProfileId } from './schema';

export interface ProfileLeniency {
  /** Documented CPU, memory and disk minimums in preflight: fail, or only warn. */
  resourceMinimums: 'enforce' | 'warn';
  /** Local volume as the default storage class of a multi-host cluster: an error, or only a warning. */
  localVolumeMultiNode: 'error' | 'warning';
  /** The profile's bundle is the lab's stand-in (the form says so at the bundle path). */
  standInBundle: boolean;
}

const REAL: ProfileLeniency = { resourceMinimums: 'enforce', localVolumeMultiNode: 'error', standInBundle: false };
const LAB_STAND_IN: ProfileLeniency = { resourceMinimums: 'warn', localVolumeMultiNode: 'warning', standInBundle: true };

export const PROFILE_LENIENCY: Record<InstallerProfileId, ProfileLeniency> = {
  'kubesphere-2.0.2': REAL,
  lab: LAB_STAND_IN,
  'lab-core': LAB_STAND_IN,
};

export function leniencyOf(profile: InstallerProfileId): ProfileLeniency {
  return PROFILE_LENIENCY[profile];
}
