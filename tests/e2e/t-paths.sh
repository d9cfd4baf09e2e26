# Paths and writes: where -o/--out writes, the folders every path option is confined to, pops init
# in a folder that is not empty.
. "$(dirname "$0")/lib.sh"
DATA="$(cd "$(dirname "$0")/data/adoption" && pwd)"

# --- -o/--out ----------------------------------------------------------------------------------------

t_begin "-o - writes to standard output"
make_ws
run export json -o -
expect_rc 0
expect_out '"PAY-1"'
[ ! -e ./- ] && pass || fail "a file named '-' was written"

t_begin "-o /dev/null writes to the device and leaves it a device"
make_ws
run export csv -o /dev/null
expect_rc 0
[ -c /dev/null ] && pass || fail "/dev/null is no longer a character device"

t_begin "-o FIFO writes into the FIFO for its reader, the FIFO stays"
make_ws
mkfifo out.fifo
cat out.fifo > got.csv &
reader=$!
run export csv -o out.fifo
wait "$reader"
expect_rc 0
[ -p out.fifo ] && pass || fail "the FIFO was replaced"
grep -q 'PAY-1' got.csv && pass || fail "the reader got: $(cat got.csv)"

t_begin "-o a symbolic link writes the file it names, atomically, and keeps the link"
make_ws
mkdir -p site
echo old > site/real.json
ln -s site/real.json link.json
run export json -o link.json
expect_rc 0
[ -L link.json ] && pass || fail "the link was replaced by a file"
grep -q '"PAY-1"' site/real.json && pass || fail "the target was not written"
ln -s site/new.json dangling.json
run export json -o dangling.json
expect_rc 0
[ -L dangling.json ] && grep -q '"PAY-1"' site/new.json && pass || fail "a dangling link's target was not created"

t_begin "-o pops.yaml or a file of a data folder is refused, nothing changes"
make_ws
cp pops.yaml before.yaml
cp roadmap/payments.yaml before-pay.yaml
run export json -o pops.yaml
expect_rc 2
expect_err "pops: error: --output 'pops.yaml' is workspace data"
cmp -s pops.yaml before.yaml && pass || fail "pops.yaml changed"
run export csv -o roadmap/payments.yaml
expect_rc 2
cmp -s roadmap/payments.yaml before-pay.yaml && pass || fail "roadmap/payments.yaml changed"
for p in roadmap/new.csv feedback/x.csv docs/report.md rituals/x.html metrics/x.yaml templates/x.md ./roadmap/../pops.yaml; do
  run export csv -o "$p"
  expect_rc 2
  [ ! -e "$p" ] || [ "$p" = ./roadmap/../pops.yaml ] && pass || fail "$p was written"
done
cmp -s pops.yaml before.yaml && pass || fail "pops.yaml changed"
ln -s pops.yaml innocent.json
run export json -o innocent.json
expect_rc 2
expect_err "is workspace data"
cmp -s pops.yaml before.yaml && pass || fail "pops.yaml changed through a link"
mkdir sub && cd sub
run export json -o ../pops.yaml
expect_rc 2
cd ..
cmp -s pops.yaml before.yaml && pass || fail "pops.yaml changed from a subfolder"
run export json -o public/../model.json
expect_rc 0
[ -f model.json ] && pass || fail "a file outside the data folders was not written"

t_begin "report --out: the same rules"
make_ws
git init -q -b main . && git add -A && git commit -qm init
cp pops.yaml before.yaml
run report --out pops.yaml
expect_rc 2
expect_err "--out 'pops.yaml' is workspace data"
cmp -s pops.yaml before.yaml && pass || fail "pops.yaml changed"
run report --out /dev/null
expect_rc 0
[ -c /dev/null ] && pass || fail "/dev/null is no longer a character device"
run report --format markdown --out -
expect_rc 0
expect_out "## "

# --- confinement of path options ---------------------------------------------------------------------

t_begin "adoption import --to stays in metrics/ of the workspace"
make_ws
cp roadmap/payments.yaml before-pay.yaml
run adoption import "$DATA/pendo-features.csv" --from pendo --to metrics/../roadmap/payments.yaml
expect_rc 2
expect_err "pops: error: --to 'metrics/../roadmap/payments.yaml' is outside metrics/; it must be a file in metrics/ of the workspace"
cmp -s roadmap/payments.yaml before-pay.yaml && pass || fail "roadmap/payments.yaml changed"
run adoption import "$DATA/pendo-features.csv" --from pendo --to metrics/../../x.yaml
expect_rc 2
expect_err "is outside the workspace; it must be a file in metrics/"
[ ! -e ../x.yaml ] && pass || fail "a file was written outside the workspace"
run adoption import "$DATA/pendo-features.csv" --from pendo --to "$T_DIR/../y.yaml"
expect_rc 2
[ ! -e ../y.yaml ] && pass || fail "an absolute path outside was written"
mkdir -p metrics "$T_DIR/../outside"
ln -s "$T_DIR/../outside/z.yaml" metrics/z.yaml
run adoption import "$DATA/pendo-features.csv" --from pendo --to metrics/z.yaml
expect_rc 2
expect_err "leads through a symbolic link out of the workspace"
[ ! -e ../outside/z.yaml ] && pass || fail "written through a link out of the workspace"
ln -s ../roadmap/payments.yaml metrics/pay.yaml
run adoption import "$DATA/pendo-features.csv" --from pendo --to metrics/pay.yaml
expect_rc 2
expect_err "leads through a symbolic link to 'roadmap/payments.yaml', outside metrics/"
cmp -s roadmap/payments.yaml before-pay.yaml && pass || fail "roadmap/payments.yaml changed through a link"
run adoption import "$DATA/pendo-features.csv" --from pendo --to metrics/./adoption.yaml
expect_rc 0
expect_err "metrics/adoption.yaml: 8 series added"
run adoption import "$DATA/pendo-features.csv" --from pendo --to metrics//adoption.yaml
expect_rc 0
expect_err "metrics/adoption.yaml: 0 series added"
[ "$(ls metrics)" = "$(printf 'adoption.yaml\npay.yaml\nz.yaml')" ] && pass || fail "metrics/: $(ls metrics)"

t_begin "a data folder linked out of the workspace is not written through"
make_ws
mkdir -p "$T_DIR/../fb-outside"
rm -rf feedback && ln -s "$T_DIR/../fb-outside" feedback
run feedback add --source sales --customer Acme --quote "Need refunds" --date 2026-11-02
expect_rc 2
expect_err "'feedback/2026-11.yaml' leads through a symbolic link out of the workspace"
[ -z "$(ls ../fb-outside)" ] && pass || fail "a feedback file was written outside: $(ls ../fb-outside)"
mkdir -p "$T_DIR/../rm-outside"
mv roadmap/payments.yaml "$T_DIR/../rm-outside/" && rm -rf roadmap && ln -s "$T_DIR/../rm-outside" roadmap
run item add --squad payments "Out" --force
expect_rc 2
[ "$(ls ../rm-outside)" = payments.yaml ] && pass || fail "a roadmap file was written outside"

# --- pops init --------------------------------------------------------------------------------------

t_begin "init in a folder that is not empty keeps every file there"
mkdir -p ws/roadmap
echo "# Our own readme" > ws/README.md
printf 'squad: core\nitems:\n  - id: CORE-7\n    title: Ours\n    status: planned\n' > ws/roadmap/core.yaml
cp ws/README.md readme.before; cp ws/roadmap/core.yaml core.before
run init ws
expect_rc 0
expect_err "kept the existing 'README.md'"
expect_err "kept the existing 'roadmap/core.yaml'"
cmp -s ws/README.md readme.before && pass || fail "README.md was overwritten"
cmp -s ws/roadmap/core.yaml core.before && pass || fail "roadmap/core.yaml was overwritten"
[ -f ws/pops.yaml ] && pass || fail "pops.yaml, missing, was not written"
run -C ws check
expect_rc 0
