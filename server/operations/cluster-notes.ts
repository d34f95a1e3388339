/**
 * What the docs say about operating a KubeSphere 2.x cluster, as data for the cluster page and the
 * operations' confirmations (kubesphere-2.0-installer.md §5.6–5.8, installer-facts.md "Day 2").
 */
import type { UninstallHostResult } from './uninstall-results';

export const HIGH_RISK_NOTES: readonly string[] = [
  'Never rename a host of the cluster or change its address: Kubernetes, etcd and the certificates know it by both.',
  'Never delete /var/lib/etcd, /var/lib/docker, /etc/kubernetes or /etc/kubesphere on a node, and never format or repartition its disks.',
  'Restarting a node, reinstalling its OS or installing extra software on it is high risk: drain it first (Console → Infrastructure → Nodes → Cordon). After a reboot CoreDNS may not come back; check that `ipvsadm -Ln` maps 6443 to the masters.',
  'The cluster certificates expire one year after the install; after that kubectl fails with "x509: certificate has expired". Renew them before then.',
];

/** What an add does to the nodes already in the cluster (the confirmation says it before it starts). */
export const ADD_NODES_EFFECT =
  "Adding workers runs the bundle's add-nodes.sh flow: preinstall/init.yml on the new hosts, then k8s/scale.yml, which re-renders Docker's options on EVERY worker (kube-node) and restarts Docker there, so the pods on the existing workers restart too; then kubesphere/scale.yml with local_volume_provisioner_enabled=false.";

/** What reset.yml deletes on each host (§5.7): the uninstall confirmation lists it. */
export const UNINSTALL_DELETES: readonly string[] = [
  'stops and removes the kubelet and etcd services and the Docker drop-ins, and removes ALL containers',
  'unmounts the kubelet directories, flushes iptables, clears IPVS, removes kube-ipvs0 and nodelocaldns',
  'deletes /var/lib/kubelet, /root/.kube, /root/.helm, /etc/ssl/etcd, /etc/cni, /opt/cni, /var/lib/cni, /etc/calico, /run/kubernetes and the CA bundles, and the block Ansible added to /etc/hosts',
  'restarts networking; there is no backup and no undo',
];

/** How to clean a host the uninstall could not reach, by hand (as reset.yml would). */
export const CLEAN_BY_HAND =
  'Log in to the host as root and do what reset.yml does: systemctl stop kubelet etcd; docker rm -f $(docker ps -aq); umount the kubelet mounts under /var/lib/kubelet; rm -rf /var/lib/kubelet /etc/kubernetes /var/lib/etcd /etc/ssl/etcd /etc/cni /opt/cni /var/lib/cni /etc/calico /root/.kube; iptables -F; ipvsadm -C. Then check the hosts again (the leftovers check).';

/** Each host's result of an uninstall, in words (uninstall-results.ts). */
export const UNINSTALL_RESULT_WORDS: Record<UninstallHostResult, string> = {
  cleaned: 'cleaned: reset.yml ran on it',
  unreachable: 'not cleaned: Ansible could not reach it, so reset.yml never ran there',
  failed: 'not cleaned: a task of reset.yml failed there (the run log says which)',
  'not-reached': 'not cleaned: the uninstall stopped before reset.yml got to it',
};

/** Why a master or etcd member cannot be removed, and what to do instead. */
export const REMOVE_MASTER_REFUSAL =
  "The 2.x bundle has no supported flow to remove a master or an etcd member (Kubespray v2.9's remove-node.yml neither changes the etcd member list nor the apiserver's load balancer). Keep it and repair the machine, or back up your workloads, uninstall and install the cluster again with the hosts you want.";
