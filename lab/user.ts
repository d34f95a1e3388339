/**
 * The lab's non-root user (`KSW_LAB_USER`, default `kswlab`): created when missing, member of
 * `sudo`, password set from the lab state. Debian's `%sudo ALL=(ALL:ALL) ALL` makes sudo ask for
 * that password; `ensureSudoAsks` verifies no NOPASSWD rule applies. Its home inside the lab hosts
 * is private to each host (lab/private-fs.ts). The password goes to chpasswd on stdin, never as
 * an argument.
 */
import { run, runOk } from './run';

export async function userExists(user: string): Promise<boolean> {
  return (await run('id', ['-u', user])).code === 0;
}

/** Returns true when the user was created by this call. */
export async function ensureLabUser(user: string, password: string): Promise<boolean> {
  let created = false;
  if (!(await userExists(user))) {
    await runOk('useradd', ['-m', '-s', '/bin/bash', '-G', 'sudo', user]);
    created = true;
  } else {
    await runOk('usermod', ['-aG', 'sudo', user]);
  }
  await runOk('chpasswd', [], { input: `${user}:${password}\n` });
  return created;
}

export async function ensureSudoAsks(user: string): Promise<void> {
  const r = await runOk('sudo', ['-l', '-U', user]);
  if (/NOPASSWD/.test(r.stdout)) {
    throw new Error(`sudo rules give ${user} NOPASSWD; the lab needs sudo to ask for the password (check /etc/sudoers.d)`);
  }
  if (!/\(ALL(\s*:\s*ALL)?\)\s+ALL/.test(r.stdout)) {
    throw new Error(`${user} did not get sudo rights from the sudo group (is "%sudo ALL=(ALL:ALL) ALL" in /etc/sudoers?)`);
  }
}

export async function removeLabUser(user: string): Promise<void> {
  if (!(await userExists(user))) return;
  await run('pkill', ['-KILL', '-u', user]);
  await runOk('userdel', ['-r', '-f', user]).catch(async () => {
    await runOk('userdel', ['-f', user]);
  });
}

/** Global fault: take the user out of the sudo group ("is not in the sudoers file"). */
export async function setSudoMembership(user: string, member: boolean): Promise<void> {
  if (member) await runOk('usermod', ['-aG', 'sudo', user]);
  else await run('gpasswd', ['-d', user, 'sudo']);
}

export async function userIds(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([runOk('id', ['-u', user]), runOk('id', ['-g', user])]).then((rs) => rs.map((r) => Number(r.stdout.trim())));
  if (uid === undefined || gid === undefined || !Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`could not read the uid/gid of ${user}`);
  return { uid, gid };
}
