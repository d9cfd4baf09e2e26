# pops feedback import|list: CSV exports shaped like those of Zendesk (BOM, CRLF), Intercom, Salesforce
# and Productboard, multi-line quoted fields, bad rows reported by line and skipped, a second import
# that adds nothing, --map with did-you-mean, --dry-run, the comment-keeping append, 5,000 rows.
. "$(dirname "$0")/lib.sh"

expect_file() {
  cat > "$T_ROOT/golden"
  if cmp -s "$T_ROOT/golden" "$1"; then pass; else
    fail "$1 differs from the golden file:"
    diff -u "$T_ROOT/golden" "$1" | head -40 | cat -A
  fi
}
count() { grep -c "$1" "$2" 2>/dev/null || true; }

fb_ws() {
  make_ws
  cat >> roadmap/payments.yaml <<'YAML'
  - id: PAY-2
    title: Data export
    status: planned
    horizon: later
YAML
  cat > feedback/2026-11.yaml <<'YAML'
# November feedback. Keep this comment.
entries:
  - id: FB-1
    date: 2026-11-01
    source: sales
    customer: Acme Corp
    summary: Wants refunds faster   # from the QBR
    items: [PAY-1]
    url: https://crm.example/notes/1
YAML
}

zendesk_csv() {
  printf '\357\273\277Id,Subject,Description,Status,Requester,Organization,Created at,Tags\r\n'
  printf '5521,Refunds are slow,"Each refund takes 20 minutes.\r\nWe do 40 a day, every day.",open,Jo,Acme Corp,2026-11-03 14:22:10 +0000,refunds slow\r\n'
  printf '5522,"Export, please","She said ""CSV"" is fine",solved,Li,Globex,2026-10-28 09:00:00 +0000,export\r\n'
  printf '5523,Bad date,text,open,Xi,Initech,yesterday,misc\r\n'
  printf '5524,,,open,Yu,Initech,2026-11-05,misc\r\n'
  printf '5525,Short row,open\r\n'
}

t_begin "zendesk export: BOM, CRLF, multi-line quotes, bad rows by line, new month file"
fb_ws
zendesk_csv > tickets.csv
run feedback import tickets.csv --source support --preset zendesk
expect_rc 1
expect_err "tickets.csv:5: 'Created at' is not a date: 'yesterday'"
expect_err "tickets.csv:6: no text: 'Description' and 'Subject' are empty"
expect_err "tickets.csv:7: the row has 3 fields, the header 8"
expect_err "3 of 5 rows could not be imported"
expect_err "imported 2 entries (FB-2..FB-3) into feedback/2026-11.yaml, feedback/2026-10.yaml"
expect_file feedback/2026-11.yaml <<'YAML'
# November feedback. Keep this comment.
entries:
  - id: FB-1
    date: 2026-11-01
    source: sales
    customer: Acme Corp
    summary: Wants refunds faster   # from the QBR
    items: [PAY-1]
    url: https://crm.example/notes/1
  - id: FB-2
    date: 2026-11-03
    source: support
    customer: Acme Corp
    quote: "Each refund takes 20 minutes.\nWe do 40 a day, every day."
    summary: Refunds are slow
    tags: [refunds, slow]
    url: zendesk:5521
YAML
expect_file feedback/2026-10.yaml <<'YAML'
entries:
  - id: FB-3
    date: 2026-10-28
    source: support
    customer: Globex
    quote: She said "CSV" is fine
    summary: Export, please
    tags: [export]
    url: zendesk:5522
YAML
run check
expect_rc 0
cp feedback/2026-11.yaml "$T_ROOT/nov"; cp feedback/2026-10.yaml "$T_ROOT/oct"
run feedback import tickets.csv --source support --preset zendesk
expect_rc 1
expect_err "nothing to change: no new entries in 'tickets.csv' (2 already present)"
if cmp -s feedback/2026-11.yaml "$T_ROOT/nov" && cmp -s feedback/2026-10.yaml "$T_ROOT/oct"; then pass; else fail "a second import changed files"; fi
# Fixed rows land on the next import, with the next ids; the rows already there are not repeated.
sed -i 's/,yesterday,/,2026-11-04,/' tickets.csv
run feedback import tickets.csv --source support --preset zendesk
expect_rc 1
expect_err "imported 1 entry (FB-4) into feedback/2026-11.yaml; 2 already present"
[ "$(count 'url: zendesk:' feedback/2026-11.yaml)" = 2 ] && pass || fail "expected 2 zendesk entries in November"

t_begin "intercom export: conversations with comma-separated tags and a multi-line first message"
fb_ws
cat > conv.csv <<'CSV'
Conversation ID,Created at,Company name,User email,Conversation tags,First message
215,2026-11-10 08:00:00 UTC,Acme Corp,jo@acme.example,"refunds, billing","Hi,
we need partial refunds.
Thanks!"
216,2026-11-11 09:30:00 UTC,,anon@example.com,,Can I pay by invoice?
CSV
run feedback import conv.csv --source support --preset intercom
expect_rc 0
expect_err "imported 2 entries (FB-2..FB-3) into feedback/2026-11.yaml"
run feedback list --format json
expect_out '"quote": "Hi,\nwe need partial refunds.\nThanks!"'
expect_out '"tags": [
      "refunds",
      "billing"
    ]'
expect_out '"url": "intercom:216"'
expect_out_line '"customer": null'
run check
expect_rc 0

t_begin "salesforce export: US dates, currency ARR, segment, a bad amount"
fb_ws
cat > cases.csv <<'CSV'
Case Number,Subject,Description,Account Name,Account Type,ARR,Date/Time Opened,Status
00001026,Ledger export,"Finance wants ""monthly"" exports",Umbrella,Enterprise,"$250,000.00",11/12/2026 3:05 PM,New
00001027,Bad ARR,Some text,Hooli,SMB,lots,11/13/2026 9:00 AM,New
00001028,Bad day,Some text,Hooli,SMB,100,2/30/2026 9:00 AM,New
CSV
run feedback import cases.csv --source sales --preset salesforce
expect_rc 1
expect_err "cases.csv:3: 'ARR' is not an amount: 'lots'"
expect_err "cases.csv:4: 'Date/Time Opened' is not a date: '2/30/2026 9:00 AM'"
expect_err "imported 1 entry (FB-2) into feedback/2026-11.yaml"
run feedback list --customer umbrella --format json
expect_out '"segment": "Enterprise"'
expect_out '"arr": 250000.0'
expect_out '"date": "2026-11-12"'
expect_out '"url": "salesforce:00001026"'

t_begin "productboard export: notes with their URL as the key, items linked by id"
fb_ws
cat > notes.csv <<'CSV'
Note ID,Title,Note text,Company,Tags,Source URL,Created at,Features
pb-1,Bulk refunds,Need to refund 100 orders at once,Acme Corp,refunds,https://pb.example/notes/1,2026-11-15T10:00:00Z,PAY-1
pb-2,Export,CSV export for finance,Globex,export,https://pb.example/notes/2,2026-11-16T10:00:00Z,"PAY-2, PAY-9"
CSV
run feedback import notes.csv --source interview --preset productboard --map Features=items
expect_rc 1
expect_err "notes.csv:3: 'Features' names the unknown item 'PAY-9'"
expect_err "imported 1 entry (FB-2)"
run feedback list --item PAY-1 --format csv
expect_out 'FB-2,2026-11-15,interview,Acme Corp,,,Need to refund 100 orders at once,Bulk refunds,refunds,PAY-1,https://pb.example/notes/1'
run feedback import notes.csv --source interview --preset productboard --map Features=items
expect_rc 1
expect_err "nothing to change: no new entries in 'notes.csv' (1 already present)"

t_begin "--map: any export; unknown columns and fields get a did-you-mean; a key column is required"
fb_ws
printf 'When,Who,What,Ticket\n2026-11-20,Initech,"Dark mode, please",T-1\n' > any.csv
run feedback import any.csv --source other --map Whne=date --map Who=customer --map What=quote --map Ticket=url
expect_rc 2
expect_err "pops: error: --map 'Whne=date': 'any.csv' has no column 'Whne' (did you mean 'When'?)"
run feedback import any.csv --source other --map When=dat
expect_rc 2
expect_err "unknown field 'dat' (did you mean 'date'?)"
run feedback import any.csv --source other --map When=date --map What=quote
expect_rc 2
expect_err "'any.csv' has no column for the key (url or id)"
run feedback import any.csv --source suport --map When=date --map What=quote --map Ticket=id
expect_rc 2
expect_err "unknown source 'suport' (did you mean 'support'?)"
run feedback import any.csv --source other --preset zendesck
expect_rc 2
expect_err "unknown preset 'zendesck' (did you mean 'zendesk'?)"
run feedback import missing.csv --source other
expect_rc 2
expect_err "cannot read 'missing.csv'"
run feedback import any.csv --source other --map When=date --map Who=customer --map What=quote --map Ticket=id --dry-run
expect_rc 0
expect_out "+    url: other:T-1"
expect_err "dry run, nothing written"
if grep -q 'FB-2' feedback/2026-11.yaml; then fail "the dry run wrote"; else pass; fi
git init -q . && git add -A && git commit -qm init
run feedback import any.csv --source other --map When=date --map Who=customer --map What=quote --map Ticket=id --commit
expect_rc 0
expect_err "committed"
[ "$(git log --format=%s -1)" = "Import 1 feedback entry from any.csv" ] && pass || fail "commit message: $(git log --format=%s -1)"

t_begin "hostile rows: invalid UTF-8, a NUL byte, a quote never closed; the good rows land"
fb_ws
{
  printf 'date,quote,url\n'
  printf '2026-11-02,ok one,u1\n'
  printf '2026-11-03,bad \377\376 bytes,u2\n'
  printf '2026-11-04,nul \000 byte,u3\n'
  printf '2026-11-05,"text"after,u4\n'
  printf '2026-11-06,ok two,u5\n'
  printf '2026-11-07,"never closed,u6\n2026-11-08,lost,u7\n'
} > hostile.csv
run_limited 10 feedback import hostile.csv --source other
expect_rc 1
expect_err "hostile.csv:3: 'quote' is not UTF-8 text"
expect_err "hostile.csv:4: 'quote' is not UTF-8 text (or holds a NUL byte)"
expect_err "hostile.csv:5: column 18: text after a closing quote"
expect_err "hostile.csv:7: column 12: the quoted field opened at line 7 column 12 is never closed"
expect_err "imported 2 entries (FB-2..FB-3)"
run check
expect_rc 0

t_begin "feedback list: filters and formats"
fb_ws
cat > feedback/2026-10.yaml <<'YAML'
entries:
  - {id: FB-5, date: 2026-10-02, source: support, customer: Globex, quote: "No export", tags: [export]}
  - {id: FB-6, date: 2026-10-09, source: sales, customer: acme corp, summary: "Refund | partial", items: [PAY-1], tags: [refunds]}
YAML
run feedback list
expect_rc 0
expect_out_line '^FB-5 +2026-10-02 support +Globex +- +No export'
expect_err "3 entries"
[ "$(printf '%s\n' "$OUT" | head -1 | cut -c1-4)" = "FB-5" ] && pass || fail "oldest first"
run feedback list --unlinked
expect_out "FB-5"; expect_no_out "FB-6"; expect_no_out "FB-1 "
run feedback list --since 2026-10-05 --until 2026-10-31
expect_out "FB-6"; expect_no_out "FB-5"; expect_no_out "FB-1 "
run feedback list --customer "ACME CORP"
expect_out "FB-6"; expect_out "FB-1"; expect_no_out "FB-5"
run feedback list --tag export,refunds --format markdown
expect_out "| FB-6 | 2026-10-09 | sales | acme corp | PAY-1 | refunds | Refund \\| partial |"
run feedback list --since 2026-13-01
expect_rc 2

t_begin "5,000 rows import in one edit per file"
fb_ws
awk 'BEGIN { print "Id,Subject,Description,Organization,Created at,Tags";
  for (i = 1; i <= 5000; i++) printf "%d,Subject %d,\"Line one, of %d\nline two\",Customer %d,2026-%02d-%02d 10:00:00,tag%d\n", i, i, i, i % 300, (i % 12) + 1, (i % 28) + 1, i % 7 }' > big.csv
start=$(date +%s%N)
run_limited 120 feedback import big.csv --source support --preset zendesk
end=$(date +%s%N)
expect_rc 0
expect_err "imported 5000 entries (FB-2..FB-5001)"
echo "5,000-row import: $(( (end - start) / 1000000 )) ms"
run_limited 120 feedback import big.csv --source support --preset zendesk
expect_rc 0
expect_err "(5000 already present)"
run_limited 60 check
expect_rc 0
