/**
 * The stage wrapper that runs on the taskbox: POSIX sh only (CentOS 7's sh is bash 4.2, Ubuntu's
 * and Debian's is dash), uploaded to layout.WRAPPER_PATH before every stage.
 *
 *   sh ksw-stage.sh start DIR    start DIR/run.sh detached, in its own session (pid = pgid), and
 *                                print its pid once DIR/pid exists; returns at once
 *   sh ksw-stage.sh cleanup DIR  remove DIR/secret and stop the stage's ssh control masters
 *   sh ksw-stage.sh signal DIR S send signal S to the stage's process group (checked to be this
 *                                stage's wrapper first); with KILL also every process whose command
 *                                line names DIR/ (ssh control masters live in their own sessions)
 *   sh ksw-stage.sh state DIR    print `rc N`, `running PID` or `gone` (pid recorded but no rc)
 *
 * Invariants:
 * - the detached part records DIR/pid before run.sh starts and DIR/rc (atomically, by rename) after
 *   it ends, then nothing else: a stage with a pid that is gone and no rc was killed (interrupted);
 * - DIR/secret is removed when run.sh ends, whatever its outcome; a SIGKILLed wrapper cannot, so
 *   the wizard runs `cleanup` itself after every stage;
 * - INT/TERM/HUP reach run.sh's processes through the process group; the wrapper only notes them
 *   (a trap with a handler, never '' — an ignored signal would be inherited by ansible-playbook)
 *   and still writes rc and cleans up;
 * - nothing of the SSH session that started it is kept: stdin is /dev/null, output goes to
 *   DIR/out.log, so a dropped connection or a wizard restart never stops an install.
 */
export const WRAPPER_SCRIPT = `#!/bin/sh
# ks-wizard stage wrapper (generated; no secrets). Usage: ksw-stage.sh start|cleanup DIR
set -u
cmd=\${1:-} dir=\${2:-}
[ -n "$dir" ] && [ -d "$dir" ] || { echo "ksw-stage: no stage directory $dir" >&2; exit 2; }
cleanup() {
  rm -rf "$dir/secret"
  if command -v pkill >/dev/null 2>&1; then pkill -TERM -f -- "$dir/cp/" >/dev/null 2>&1; fi
  return 0
}
# is PID alive and this stage's detached wrapper? (pids are reused)
ours() {
  [ -r "/proc/$1/cmdline" ] || return 1
  tr '\\000' ' ' <"/proc/$1/cmdline" | grep -q -F -- "detached $dir"
}
case $cmd in
start)
  [ -f "$dir/run.sh" ] || { echo "ksw-stage: no run.sh in $dir" >&2; exit 2; }
  [ ! -e "$dir/pid" ] || { echo "ksw-stage: the stage in $dir was already started" >&2; exit 3; }
  # Not \`&\`: a non-interactive shell's background job ignores INT, and an ignored signal can be
  # neither trapped nor reset later, so ansible-playbook would ignore the cancel. setsid forks when
  # its caller leads a process group: the first one makes itself a leader, the second forks.
  setsid setsid sh "$0" detached "$dir" </dev/null >>"$dir/out.log" 2>&1
  i=0
  while [ ! -s "$dir/pid" ]; do
    i=$((i + 1))
    [ $i -le 200 ] || { echo "ksw-stage: the stage did not start (no pid after 10 s)" >&2; exit 4; }
    sleep 0.05 2>/dev/null || sleep 1
  done
  cat "$dir/pid"
  ;;
detached)
  echo $$ >"$dir/pid.tmp" && mv -f "$dir/pid.tmp" "$dir/pid"
  stopped=0
  trap 'stopped=1' INT TERM HUP
  sh "$dir/run.sh"
  rc=$?
  cleanup
  echo "$rc" >"$dir/rc.tmp" && mv -f "$dir/rc.tmp" "$dir/rc"
  ;;
cleanup)
  cleanup
  ;;
signal)
  sig=\${3:-INT}
  pid=$(cat "$dir/pid" 2>/dev/null) || exit 0
  if ours "$pid"; then kill -s "$sig" -- "-$pid" 2>/dev/null; fi
  if [ "$sig" = KILL ] && command -v pkill >/dev/null 2>&1; then pkill -KILL -f -- "$dir/" >/dev/null 2>&1; fi
  exit 0
  ;;
state)
  if [ -f "$dir/rc" ]; then echo "rc $(cat "$dir/rc")"; exit 0; fi
  pid=$(cat "$dir/pid" 2>/dev/null)
  if [ -n "$pid" ] && ours "$pid"; then echo "running $pid"; else echo gone; fi
  ;;
*)
  echo "ksw-stage: unknown command $cmd" >&2
  exit 2
  ;;
esac
`;
