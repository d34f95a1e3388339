/** The config's fixed choices, plain data without zod (schema.ts builds its enums from them and re-exports them; the catalogue's value lists are in ./fields/values.ts). */

export const INSTALLER_TARGETS = ['2.0.2'] as const;
export type InstallerTarget = (typeof INSTALLER_TARGETS)[number];

export const ROLES = ['master', 'etcd', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export const STORAGE_BACKENDS = ['localVolume', 'nfs', 'cephRbd', 'glusterfs', 'qingcloudCsi', 'neonsan'] as const;
export type StorageBackend = (typeof STORAGE_BACKENDS)[number];

/**
 * Installer profile ids (see server/installer-profiles/profiles.ts): the real bundle, and two variants of the lab
 * stand-in (`lab` with the bundle's own Ansible, `lab-core` with the taskbox's Debian ansible-core).
 */
export const INSTALLER_PROFILES = ['kubesphere-2.0.2', 'lab', 'lab-core'] as const;
export type InstallerProfileId = (typeof INSTALLER_PROFILES)[number];
