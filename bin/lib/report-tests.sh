#!/usr/bin/env bash
# The quarterly report's end-to-end checks (docs/REPORT.md#tests), after a run that wrote reports:
#   bin/lib/report-tests.sh WAREHOUSE REPORT_DIR [CONFIG]
# REPORT_DIR is the report.output_dir of the run (its <period>/luister-<period>-<lang>.html|pdf are checked).
# WAREHOUSE is the run's warehouse: its gold tables are copied (never changed) to plant a hostile quote.
# Needs the Debian packages chromium and poppler-utils; installs them with apt-get when missing (as root).
#
# Per report: the HTML holds no script and no external address; it opens in headless Chromium without a console
# message (a planted console.error proves first that this Chromium reports them), and a screenshot is taken; the PDF
# has a sane page count, renders to one PNG per page (pdftoppm), and its text (pdftotext) has every section heading
# of its language (read from the message bundle) and none of the other language's; its tables are read as a manager
# reads them (bin/lib/check_report_reading.py: no column n/a on every row, no quote over the limit, every brand named).
# Then once: a copy of the gold tables where every theme example is "<script>alert(1)</script> & co" gives a report
# whose HTML shows the quote escaped (and Chromium runs nothing) and whose PDF text shows it literally.
# Screenshots and PNG pages are kept in REPORT_DIR/_checks/ for people to look at.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: bin/lib/report-tests.sh WAREHOUSE REPORT_DIR [CONFIG]" >&2
  exit 2
fi
warehouse="$(cd "$1" && pwd)"
reports="$(cd "$2" && pwd)"
config_args=()
if [ $# -eq 3 ]; then
  config_args=(--config "$(cd "$(dirname "$3")" && pwd)/$(basename "$3")")
fi
bundles="$home/jobs/src/main/resources/report"
min_pages=3
max_pages=40

fail() {
  echo "report tests: FAILED: $*" >&2
  exit 1
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ command -v pdftoppm && command -v pdftotext && command -v pdfinfo; } >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "install the Debian packages ${missing[*]} (apt-get install -y ${missing[*]}), or run as root"
  echo "report tests: installing ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
checks="$reports/_checks"
mkdir -p "$checks"

# Headless Chromium writes the page's console messages to its log as "...:CONSOLE(line)] "text", source: ..."
# (or ":CONSOLE:line]") with --enable-logging=stderr --log-level=0. Prints those lines; the screenshot is $2.
console_of() {
  local html="$1" png="$2" log="$scratch/chromium-$(basename "$1").log"
  if ! timeout 180 chromium --headless --disable-gpu --no-sandbox --hide-scrollbars --no-first-run \
      --user-data-dir="$scratch/chromium-profile" --enable-logging=stderr --log-level=0 --v=0 \
      --window-size=1280,4000 --screenshot="$png" "file://$html" 2> "$log" >/dev/null; then
    tail -20 "$log" >&2
    fail "chromium could not open $html"
  fi
  grep -E ':CONSOLE[(:]' "$log" || true
}

# The check must be able to fail: a page that logs an error has to be caught.
printf '<!DOCTYPE html><html><body><p>x</p><script>console.error("planted-console-error")</script></body></html>' \
  > "$scratch/control.html"
console_of "$scratch/control.html" "$scratch/control.png" | grep -q planted-console-error \
  || fail "this Chromium does not report console messages in its log, so the console check would prove nothing"

headings() { # the section headings of a language, from its message bundle
  grep -E '^section\.' "$bundles/messages_$1.properties" | cut -d= -f2-
}

check_html() { # html [name] -> fails on script, external address or console message; keeps a screenshot
  local html="$1" name="${2:-$(basename "$1" .html)}"
  ! grep -qi '<script' "$html" || fail "$html contains a <script> element"
  ! grep -qEi '(src|href)="(https?:)?//' "$html" || fail "$html refers to an external address"
  local console
  console="$(console_of "$html" "$checks/$name.png")"
  [ -z "$console" ] || fail "$html: console messages in Chromium:
$console"
  [ -s "$checks/$name.png" ] && [ "$(stat -c %s "$checks/$name.png")" -gt 20000 ] || fail "no screenshot of $html"
}

check_pdf() { # pdf lang -> page count, one PNG per page, headings of the language and not of the other
  local pdf="$1" lang="$2" name pages pngs other heading
  name="$(basename "$pdf" .pdf)"
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  [ -n "$pages" ] && [ "$pages" -ge "$min_pages" ] && [ "$pages" -le "$max_pages" ] \
    || fail "$pdf has ${pages:-no} pages, expected $min_pages-$max_pages"
  rm -f "$checks/$name"-page-*.png
  pdftoppm -r 50 -png "$pdf" "$checks/$name-page"
  pngs="$(find "$checks" -name "$name-page-*.png" | wc -l)"
  [ "$pngs" -eq "$pages" ] || fail "$pdf: pdftoppm made $pngs pages of $pages"
  pdftotext -layout "$pdf" "$scratch/$name.txt"
  # Headings may wrap or be spaced by the layout: compare with whitespace squeezed.
  tr -s ' \n' ' ' < "$scratch/$name.txt" > "$scratch/$name.flat"
  while IFS= read -r heading; do
    grep -qF "$heading" "$scratch/$name.flat" || fail "$pdf: section heading '$heading' ($lang) not in its text"
  done < <(headings "$lang")
  other=$([ "$lang" = en ] && echo nl || echo en)
  ! grep -qF "$(headings "$other" | sed -n 3p)" "$scratch/$name.flat" || fail "$pdf ($lang) has $other headings"
  echo "  $name.pdf: $pages pages, headings in $lang"
}

shopt -s nullglob
found=0
period=""
for html in "$reports"/*/luister-*-*.html; do
  name="$(basename "$html" .html)"
  lang="${name##*-}"
  [ -f "$bundles/messages_$lang.properties" ] || fail "$html: no message bundle for language '$lang'"
  [ -f "${html%.html}.pdf" ] || fail "$html has no PDF beside it"
  check_html "$html"
  python3 "$home/bin/lib/check_report_reading.py" "$html" > "$scratch/reading.log" \
    || { cat "$scratch/reading.log" >&2; fail "$html: read as a manager reads it (bin/lib/check_report_reading.py)"; }
  check_pdf "${html%.html}.pdf" "$lang"
  period="$(basename "$(dirname "$html")")"
  found=$((found + 1))
done
[ "$found" -gt 0 ] || fail "no reports (<period>/luister-<period>-<lang>.html) under $reports"
echo "report tests: $found reports open without console messages, PDFs rendered and read (pictures in $checks)"

# A hostile quote, end to end, on a copy of the gold tables (the warehouse itself is never written).
planted='<script>alert(1)</script> & co'
mkdir -p "$scratch/wh-planted"
cp -r "$warehouse/gold" "$scratch/wh-planted/"
"$home/bin/luister" sql "${config_args[@]}" -w "$scratch/wh-planted" \
  "UPDATE gold.themes SET examples = array('$planted'), own_brand_examples = array('$planted') WHERE period = '$period'" > "$scratch/plant.log" 2>&1 \
  || { tail -20 "$scratch/plant.log" >&2; fail "could not plant the quote in the copy of gold.themes"; }
"$home/bin/luister" report "${config_args[@]}" -w "$scratch/wh-planted" --period "$period" --lang en \
  --out "$scratch/planted" > "$scratch/planted.log" 2>&1 \
  || { tail -20 "$scratch/planted.log" >&2; fail "the report on the planted copy failed"; }
html="$scratch/planted/$period/luister-$period-en.html"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co' "$html" || fail "the planted quote is not escaped in the HTML"
check_html "$html" planted-quote-en
# Compared without white space: a narrow table cell may wrap the quote anywhere, even inside "</script>".
pdftotext "${html%.html}.pdf" - | tr -d ' \n' | grep -qF "$(tr -d ' ' <<< "$planted")" \
  || fail "the planted quote is not literal text in the PDF"
echo "report tests: a quote '$planted' shows as text in HTML and PDF, and runs nothing"
