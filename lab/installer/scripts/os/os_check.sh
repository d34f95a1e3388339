#!/bin/sh
# LAB STAND-IN for scripts/os/os_check.sh, the real bundle's bootstrap (install.sh runs it from
# scripts/ to pip-install the Ansible the bundle pins). This one installs nothing from a network:
# it unpacks os/ansible-2.7.6-py27.tar.gz (Ansible 2.7.6 + Jinja2, MarkupSafe, PyYAML for
# Python 2.7) into /opt/ksw-lab-ansible/ and writes bin/ansible and bin/ansible-playbook there,
# which run Python 2.7 with PYTHONPATH=/opt/ksw-lab-ansible/py.
# Non-interactive and idempotent: nothing happens when the same tarball is installed for the same
# Python. Exits non-zero, saying why, when the tarball or Python 2.7 is missing.
set -eu

say() { echo "os_check.sh (lab): $*"; }
fail() { echo "os_check.sh (lab): $*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
tarball=$here/ansible-2.7.6-py27.tar.gz
dest=/opt/ksw-lab-ansible

[ -w "$(dirname "$dest")" ] || fail "cannot write $(dirname "$dest"): run it as root (sudo ./os/os_check.sh)."
[ -f "$tarball" ] || fail "the pinned Ansible is missing: $tarball does not exist. The lab links it to <repo>/../shared/upstream/ansible-2.7.6-py27.tar.gz when that file exists (lab up)."

# The real interpreter (a pyenv shim resolves to it through sys.executable).
python=
for candidate in $(command -v python2.7 2>/dev/null || true) /root/.pyenv/versions/2.7*/bin/python2.7; do
  [ -x "$candidate" ] || continue
  python=$("$candidate" -c 'import sys; print(sys.executable if sys.version_info[:2] == (2, 7) else "")' 2>/dev/null) || python=
  [ -n "$python" ] && break
done
[ -n "$python" ] || fail "Python 2.7 is missing: no python2.7 on PATH and none in /root/.pyenv/versions/2.7*/bin (Ansible 2.7.6 needs it)."

want="$(sha256sum < "$tarball" | cut -d' ' -f1) $python"
if [ "$(cat "$dest/.installed" 2>/dev/null || true)" = "$want" ]; then
  say "Ansible 2.7.6 is already installed in $dest (Python $python)"
  exit 0
fi

tmp=$(mktemp -d "$dest.new.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tarball" -C "$tmp"
mkdir "$tmp/py" "$tmp/bin"
mv "$tmp/ansible-2.7.6/lib/ansible" "$tmp/jinja-2.10.1/jinja2" "$tmp/markupsafe-1.1.1/src/markupsafe" \
  "$tmp/pyyaml-5.1.2/lib/yaml" "$tmp/py/"
for tool in ansible ansible-playbook; do
  cat > "$tmp/bin/$tool" <<WRAPPER
#!/bin/sh
# Written by the lab bundle's scripts/os/os_check.sh: Ansible 2.7.6 on Python 2.7.
PYTHONPATH="$dest/py"
export PYTHONPATH
exec "$python" "$dest/ansible-2.7.6/bin/$tool" "\$@"
WRAPPER
  chmod 0755 "$tmp/bin/$tool"
done
echo "$want" > "$tmp/.installed"
chmod 0755 "$tmp"
rm -rf "$dest"
mv "$tmp" "$dest"
trap - EXIT
say "installed Ansible 2.7.6 in $dest (Python $python); put $dest/bin first on PATH"
