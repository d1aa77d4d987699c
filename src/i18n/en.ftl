# pamyatka's messages in English (`--lang en`, or an English locale). Every message has the same
# id in ru.ftl; see there for the conventions.

## Common: how a diagnostic is printed, the grouping of warnings, the summary

diag-error = error
diag-warning = warning
diag-hint = help
diag-more = … and { NUM($n) } more { $n ->
        [one] warning
       *[other] warnings
    } like these ({ $label }){ $files ->
        [none] {""}
       *[other] {" "}in { $files }{ $more_files ->
            [0] {""}
           *[other] {" "}and { NUM($more_files) } more { $more_files ->
                [one] file
               *[other] files
            }
        }
    }; `--verbose` shows them all
diag-summary-errors = Errors: { NUM($errors) }{ $error_kinds ->
        [none] {""}
       *[other] {" "}({ $error_kinds })
    }
diag-summary-warnings = Warnings: { NUM($warnings) }{ $warning_kinds ->
        [none] {""}
       *[other] {" "}({ $warning_kinds })
    }
test-plural = { NUM($n) } { $n ->
        [one] error
       *[other] errors
    }

io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = the file already exists
io-invalid-data = the data is damaged or in a wrong encoding
io-storage-full = no space left on the disk
io-read-only = the disk is read-only
io-is-a-directory = it is a folder, not a file
io-not-a-directory = it is a file, not a folder
io-directory-not-empty = the folder is not empty
io-address-in-use = the address is already used by another program
io-address-not-available = this computer has no such address
io-busy = the file is in use by another program
io-file-too-large = the file is too large
io-crosses-devices = the file cannot be moved to another disk
## Command line: help of the program and its commands, what main prints

cli-archive-accepted = accepted
cli-archive-warned = accepted with remarks
cli-archive-rejected = rejected
cli-validate-valid = valid
validate-cannot-open = cannot open { $file }: { $reason }
cli-about = Build the памятки portal: Markdown + YAML memos in content/ → an accessible static site.
cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-default = [default: { $value }]
cli-possible = [possible values: { $values }]
cli-value-command = COMMAND
cli-value-options = OPTIONS
cli-value-dir = DIR
cli-value-lang = LANG
cli-value-port = PORT
cli-value-timeout = SECONDS
cli-value-text = TEXT
cli-value-date = DATE
cli-value-value = VALUE
cli-value-files = FILES
cli-value-file = FILE
cli-value-query = QUERY
cli-value-limit = LIMIT
cli-value-url = URL
cli-value-name = NAME
cli-arg-root = The site's folder: it holds content/ (and optionally templates/).
cli-arg-out = Where the built site goes (relative paths are under --root).
cli-arg-verbose = Print per-phase timings and more detail.
cli-arg-lang = The language of the messages: ru or en (default: the locale's, Russian when unset).
cli-arg-help = Print help.
cli-arg-version = Print version.
cli-build-about = Build the site into --out. The previous output is replaced only if the whole build succeeds; on any error it stays exactly as it was.
cli-build-no-minify = Keep the stylesheets and scripts readable (skip their minification; pages are never minified: it saved ~3 % of their gzip size for a third of the build's time).
cli-build-clean = Rebuild every page, ignoring the previous build's cache (by default a build re-renders only the pages the changes touch).
cli-serve-about = Build, serve --out on 127.0.0.1, rebuild on every change in content/ or templates/ and reload the open pages. Errors are shown in the terminal and on the page; the last good site keeps being served.
cli-serve-port = Port to listen on (0 picks a free one).
cli-check-about = Check the content without writing anything: front matter, templates, and that every internal link and #anchor resolves (reported with file:line:column).
cli-check-external = Also ask for every web address the content links to (the only command that uses the network): dead links are errors, redirected ones warnings. Answers are kept for a day in .pamyatka/links.json.
cli-check-no-cache = Ask again for every address, whatever the cache holds.
cli-check-timeout = Seconds to wait for a connection and for an answer.
cli-deadline-about = Compute a deadline from a Russian deadline text, by the Civil Code (arts. 190–194) and the production calendar in content/calendar/. Prints one entry per rule in the text; exits 1 when no rule gives a date (the reasons on stderr).
cli-deadline-text = The text, e.g. "в течение 5 рабочих дней после получения заявки".
cli-deadline-from = The event: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for periods in hours. For annual dates, the reference date (the next occurrence not before it is given).
cli-deadline-json = Print JSON (an array, one object per rule).
cli-validate-about = Run a validator: check digits of СНИЛС, ИНН, ОГРН(ИП), or ФИОКО document archives (name, size, format, entries, required documents). Exit 0 when valid / nothing rejected.
cli-validate-snils-about = СНИЛС: 11 digits, spaces and dashes allowed (123-456-789 64).
cli-validate-snils-value = The СНИЛС number.
cli-validate-snils-json = Print JSON.
cli-validate-inn-about = ИНН of a person (12 digits) or of an organisation (10); says which it is.
cli-validate-inn-value = The ИНН number.
cli-validate-inn-json = Print JSON.
cli-validate-inn-person = Only a person's ИНН (12 digits) is valid.
cli-validate-inn-org = Only an organisation's ИНН (10 digits) is valid.
cli-validate-ogrn-about = ОГРН (13 digits) or ОГРНИП (15).
cli-validate-ogrn-value = The ОГРН or ОГРНИП number.
cli-validate-ogrn-json = Print JSON.
cli-validate-archive-about = One or more archives against the ФИОКО rule.
cli-validate-archive-files = The archive files.
cli-validate-archive-rule = The rule (default: content/fioko/archive-rule.yaml under --root).
cli-validate-archive-json = Print JSON.
cli-search-about = Search the built site (--out) as its search page does: prints the best results, and the corrected query when a misspelt word was found by its correction.
cli-search-query = The query, e.g. "восстановить пароль".
cli-search-limit = How many results.
cli-search-json = Print JSON (the search page's results).
cli-init-about = Make a new site in DIR: settings with every field explained, a home page, a search page, an example guide with a checklist, the JSON Schemas and the editor settings that use them (VS Code). DIR must be empty or new.
cli-init-dir = The new site's folder.
cli-init-base-url = The address the site will be published at (site.yaml's base_url); without it, the address can be written in later.
cli-schema-about = Write the JSON Schemas of the content files (front matter, site.yaml, every kind of data file) for the editor's help while typing, one file per kind.
cli-schema-dir = Where to write them (default: schemas/ under --root).
cli-new-about = Create a new page from a template.
cli-new-guide-about = Create content/NAME.md with the parts every guide needs (NAME like esia/privyazka).
cli-new-guide-name = The new guide's path inside content/, without .md.
cli-help-about = Print this message or the help of the given command.
cli-help-subcommand = The command to print the help of.
cli-error-unknown-argument = unexpected argument `{ $arg }`
cli-error-unknown-command = unrecognized command `{ $command }`
cli-error-invalid-value-of = invalid value `{ $value }` for { $arg }; possible values: { $values }
cli-error-invalid-value = invalid value `{ $value }` for { $arg }
cli-error-missing-value = a value is required for { $arg }
cli-error-missing-argument = the following required arguments were not provided: { $arg }
cli-error-missing-command = no command given
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-unexpected-value = unexpected argument `{ $value }`
cli-error-suggestion = a similar one exists: `{ $suggestion }`
cli-error-more = For more information, try `{ $command } --help`
cli-timing-ms = { $ms } ms
cli-timing-load = load
cli-timing-templates = templates
cli-timing-render = render
cli-timing-index = index
cli-timing-files = files+zip
cli-timing-home = home
cli-timing-commit = commit
cli-timing-cache = build cache
cli-build-done = Built { NUM($pages) } { $pages ->
        [one] page
       *[other] pages
    } ({ NUM($files) } { $files ->
        [one] file
       *[other] files
    })
cli-build-incremental = Only the pages the changes touch were rebuilt: { NUM($rendered) } of { NUM($sources) } (the rest come from the previous build; --clean rebuilds everything).
build-cache-ignored = The previous build's cache was not used: { $reason ->
        [missing] there is none (after a build by an earlier version, for instance)
        [corrupt] its file is damaged
        [other-program] another version of pamyatka wrote it
        [output-changed] the output folder lacks what the previous build wrote
       *[other-output] it was made for another output folder
    }. Every page was rebuilt.
build-cache-not-saved = Could not write the build cache ({ $error }): the next build will rebuild every page.
cli-build-failed = Build failed: { NUM($errors) } { $errors ->
        [one] error
       *[other] errors
    }; the previous output was left as it was
cli-check-done = Checked { NUM($pages) } { $pages ->
        [one] page
       *[other] pages
    }: no problems found
cli-check-done-external = Checked { NUM($pages) } { $pages ->
        [one] page
       *[other] pages
    } and { NUM($links) } web { $links ->
        [one] address
       *[other] addresses
    } ({ NUM($cached) } answered from the cache): no problems found
cli-check-failed = Check failed: { NUM($problems) } { $problems ->
        [one] problem
       *[other] problems
    }
cli-check-failed-errors = Check failed: { NUM($errors) } { $errors ->
        [one] error
       *[other] errors
    }; nothing was written (check only reads the site)
cli-new-created = Created { $file }
cli-new-created-section = Created { $file }: the page of the new section (the navigation links to it); its title is the folder's name: write a real title and description
cli-external-checking = Checking the web addresses the content links to…
cli-search-correction = Did you mean: { $query }
cli-deadline-kind-calendar-days = Deadline (calendar days)
cli-deadline-kind-working-days = Deadline (working days)
cli-deadline-kind-hours = Deadline (hours)
cli-deadline-kind-annual = Annual deadline
cli-deadline-kind-monthly = Once a month
cli-deadline-kind-text = No date
cli-deadline-period = the period from { $start } to { $end }
cli-deadline-last-working-day = act by { $date }, until 24:00 — the last working day of the month
cli-deadline-nominal = as written: by { $date }
cli-deadline-safe = act by { $date }, until 24:00
cli-deadline-safe-last = act by { $date }, until 24:00 — the last working day
cli-deadline-legal = by art. 193 of the Civil Code: the deadline moves to { $date }, as { $nominal } is { $why }
cli-deadline-day-off = a day off
cli-deadline-as-written = as written, by { $date }, until 24:00
cli-deadline-date = { $date }, until 24:00
cli-deadline-warning = note: { $warning }
cli-deadline-years = { $init } and { $last }
cli-deadline-draft = {" "}(by the draft production calendar for { $years } — check again once { $count ->
        [one] it is approved
       *[other] they are approved
    })
cli-deadline-bad-from = --from `{ $from }`: write the date as YYYY-MM-DD or YYYY-MM-DDTHH:MM
cli-deadline-unreadable = cannot read the deadline «{ $clause }»: { $reason }
cli-deadline-no-period = «{ $text }» names no period or date
cli-deadline-no-date = { $kind }: no date
cli-deadline-none = no date can be computed from «{ $text }» on { $date }: { $reasons }

## serve: the terminal and the page overlay

serve-cannot-write = cannot write { $file }: { $reason }
serve-serving = Serving { $dir } at { $address } (Ctrl+C to stop)
serve-stopped = the server stopped: { $reason }
serve-root-unreadable = cannot open the site folder { $dir }: { $reason }
serve-out-unresolved = cannot resolve { $dir }: { $reason }
serve-cannot-listen = cannot listen on 127.0.0.1:{ $port }: { $reason }
serve-cannot-watch-files = cannot watch files: { $reason }
serve-cannot-watch = cannot watch { $dir }: { $reason }
serve-catch-up = Bringing the search index, sitemap and offline bundle up to date
serve-catch-up-stopped = Stopped after { NUM($ms) } ms: a file changed; catching up after the next pause
serve-catch-up-done = Search index, sitemap and offline bundle updated in { NUM($ms) } ms
serve-rebuilt = Rebuilt in { NUM($ms) } ms; reloading pages
serve-updated-nothing = Nothing changed ({ NUM($ms) } ms)
serve-updated-one = Updated { $url } in { NUM($ms) } ms; reloading pages
serve-updated-two = Updated { $url } and { $other } in { NUM($ms) } ms; reloading pages
serve-updated-many = Updated { $url } and { NUM($more) } more { $more ->
        [one] page
       *[other] pages
    } in { NUM($ms) } ms; reloading pages
serve-not-built = The site has not been built yet:

    { $error }
serve-not-found = Not found
serve-http-method = only GET and HEAD are served
serve-http-body = a GET request takes no body
serve-http-too-long = the address is too long
serve-http-bad-path = bad path
serve-overlay-title = Build failed — showing the last good version
serve-overlay-hint = Fix the error and save the file: the page reloads by itself.

## init, schema, check --external

init-not-empty = { $dir } is not empty: `init` makes a new site only in an empty or new folder (it never overwrites files); choose another folder, e.g. pamyatka init my-site
init-cannot-write = cannot write { $file }: { $reason }
init-done = Created a new site in { $dir }
    Next: cd { $dir } && pamyatka serve   (opens the site at http://127.0.0.1:8000/)
    Open the folder in VS Code and install the recommended YAML extension: it explains every key of the YAML files as you type (the schemas are in schemas/).
init-done-base-url = Once you know the address the site will be published at, write it in content/site.yaml (the base_url line, commented out for now), or make the site with --base-url.
schema-written = Wrote { NUM($count) } { $count ->
        [one] schema
       *[other] schemas
    } to { $dir }: front matter, site.yaml and every kind of data file
schema-cannot-write = cannot write the schemas to { $dir }: { $reason }
new-bad-name = `{ $name }` is not a valid guide name: use Latin lowercase letters, digits and `-`, with `/` between a section and the page (e.g. esia/privyazka)
new-exists = { $file } already exists; choose another name
external-cache-unwritable = cannot write { $file }: { $reason }
external-redirected = link to { $url } is redirected to { $to }
    .label = redirected
    .hint = link the address it leads to: { $to }
external-broken = link to { $url } is broken: { $problem }
    .label = broken link
external-broken-via = link to { $url } is broken (redirected to { $via }): { $problem }
external-status = the server answers { $status }{ $reason }
external-timeout = no answer within { $seconds } s (timeout)
external-dns = the host name is not found (DNS)
external-refused = the connection is refused
external-tls = the secure connection failed (TLS): { $detail }
external-redirects = more than { $max } redirects
external-hint-server-fault = the site has a fault, maybe for a while: run the check again later; if it stays, find where the page is now
external-hint-down = the site may be down for a while: run the check again later; if it stays, find where the page is now
external-hint-gone = open the address in a browser; if the page moved, link its new address; if it is gone, link the site's main page or remove the link

## Content: front matter, Markdown, YAML syntax and fields

# YAML: serde's and the parser's own messages (src/yaml/serde_text.rs)
yaml-unknown-field = unknown field `{ $field }`{ $count ->
        [0] , there are no fields
        [1] , expected { $expected }
       *[other] , expected one of { $expected }
    }
    .hint = remove the key or check its spelling
yaml-unknown-variant = unknown variant `{ $value }`{ $count ->
        [0] , there are no variants
        [1] , expected { $expected }
       *[other] , expected one of { $expected }
    }
    .hint = use one of the listed values
yaml-did-you-mean = did you mean `{ $name }`?
yaml-missing-field = missing field `{ $field }`
    .hint = add the key `{ $field }`
yaml-duplicate-field = duplicate field `{ $field }`
yaml-invalid-type = invalid type: { $found }, expected { $expected }
    .hint = check the value's type (quote text, use a list `[a, b]` for lists)
yaml-bad-date = `{ $value }` is not a date: no such day, or not written as YYYY-MM-DD
    .hint = write the date as YYYY-MM-DD, e.g. 2025-09-01
yaml-unknown-form-format = unknown field format `{ $value }`
    .hint = the formats are login, email, same-as:<field id>, phone-ru, cyrillic and digits
yaml-invalid-value = invalid value: { $found }, expected { $expected }
yaml-invalid-length = invalid length { $len }, expected { $expected }
yaml-found-bool = boolean `{ $value }`
yaml-found-integer = integer `{ $value }`
yaml-found-float = floating point `{ $value }`
yaml-found-char = character `{ $value }`
yaml-found-string = string "{ $value }"
yaml-found-null = unit value
yaml-found-option = Option value
yaml-found-list = sequence
yaml-found-map = map
yaml-found-enum = enum
yaml-expected-string = a string
yaml-expected-integer = an integer
yaml-expected-number = a number
yaml-expected-bool = a boolean
yaml-expected-list = a sequence
yaml-expected-map = a map
yaml-expected-date = a date YYYY-MM-DD
yaml-expected-change-text = one line saying what changed
yaml-expected-char = a character
yaml-expected-items = { $n } { $n ->
        [one] item
       *[other] items
    }
yaml-syntax-end-of-stream = found unexpected end of stream
    .hint = a quote `"` or a bracket `[` opened above is not closed
yaml-syntax-expected-key = did not find expected key
yaml-syntax-mapping-values = mapping values are not allowed in this context
yaml-syntax-cannot-start-token = found character that cannot start any token
yaml-syntax-expected-node = did not find expected node content
yaml-syntax-expected-colon = could not find expected ':'
yaml-syntax-tab = found a tab character that violates indentation
    .hint = YAML indents with spaces only: replace the tab with spaces
yaml-syntax-flow-list = did not find expected ',' or ']'
yaml-syntax-flow-map = did not find expected ',' or '{"}"}'
yaml-syntax-block-entry = did not find expected '-' indicator
yaml-syntax-block-sequence = block sequence entries are not allowed in this context
yaml-syntax-unknown-escape = found unknown escape character
yaml-syntax-document-indicator = found unexpected document indicator
yaml-syntax-empty = EOF while parsing a value
yaml-syntax-many-documents = deserializing from YAML containing more than one document is not supported
yaml-syntax-unknown-anchor = unknown anchor
yaml-syntax-too-deep = recursion limit exceeded
yaml-syntax-indentation =
    .hint = check the indentation and quote values that contain `:` or `#`

# Front matter (src/content/frontmatter.rs)
fm-missing = the file has no front matter
    .label = expected `---` here
    .hint =
        start the file with a YAML block:
        ---
        title: "Заголовок"
        ---
fm-unclosed = the front matter is not closed
    .label = opened here
    .hint = end the YAML block with a line containing only `---`
fm-date-invalid = invalid date `{ $value }`: write it as YYYY-MM-DD, e.g. 2025-09-01
fm-date-implausible = the date `{ $value }` is not plausible: the year must be from { $from } to { $to }
fm-change-empty = the change's text is empty: say in one line what changed
fm-change-line-break = the change's text has a line break: say what changed in one line
fm-change-too-long = the change's text is { $chars } characters long: keep it to one line of at most { $max }

# Reading content/ (src/content/loader.rs)
content-no-folder = no content folder at { $path }
    .hint = run pamyatka in the site's folder or pass --root DIR; `pamyatka new guide NAME` starts a page
content-walk-failed = cannot read { $path }: { $error }
content-read-failed = cannot read { $path }: { $error }
content-not-utf8 = the file is not valid UTF-8
    .hint = save the file as UTF-8 (without a legacy code page such as Windows-1251)
content-no-site-yaml = content/site.yaml is missing
    .hint =
        create it with at least:
        title: "Название сайта"
content-symlink = content/{ $path } is a symbolic link; it is skipped (links are not followed: they can lead outside the site)
    .hint = copy the { $what } into content/ instead of linking to it
content-file-name = content/{ $path }: the name contains `{ $char }`, which cannot be used in a URL
    .hint = rename the file using Latin letters, digits and `-` (e.g. privyazka-esia.md)
content-url-collision = { $first } and { $second } would both be published at { $url }
    .hint = rename or remove one of them
content-section-no-index = content/{ $section }/ has no _index.md; its folder name is used as its title
    .hint = add _index.md with a title and a weight
synonyms-format =
    .hint =
        write each group as a list of the words that should find each other:
        - [детсад, детский сад, ДОО]
synonyms-one-entry = a group of synonyms needs at least two entries
    .label = one entry
synonyms-no-words = «{ $phrase }» has no word the search reads (empty, or only words like «и», «в»)
    .label = nothing to search by
synonyms-two-groups = «{ $phrase }» is in two groups (group { $first } and group { $second })
    .label = already in another group
    .hint = merge the two groups into one

# Lengths of texts (src/limits.rs); `what` is a noun phrase that stands before a colon
limits-what-title = the title
limits-what-description = the description
limits-empty = { $what } is empty
    .label = no title here
    .hint = write the title in quotes: title: "Заголовок"
limits-empty-null = { $what } is empty (`{ $value }` means «no value» in YAML)
limits-too-long = { $what } has { $n } characters; at most { $max } are allowed
    .label = too long
limits-too-long-title =
    .hint = a title is shown in the navigation of every page: keep it short and put the details in the description or the text
limits-too-long-description =
    .hint = a description is one or two sentences: who the page is for and what it helps to do; put the rest in the text
limits-too-long-row =
    .hint = shorten the text or split the row into several

# Markdown (src/markdown.rs)
md-widget-misspelt = `{ $lang }` is not a widget, so this block would be shown as code
    .label = unknown widget
    .hint = did you mean `{ $name }`?
md-checklist-bad-id = checklist id `{ $id }` is not valid
    .hint = use Latin lowercase letters, digits and `-`, e.g. {"{"}#pasport-kopiya{"}"}
md-checklist-no-id = checklist item has no id
    .label = add `{"{"}#id{"}"}` at the end of this line
    .hint = ticks are remembered by item id; an id derived from the text changes when the text does
md-checklist-duplicate-id = checklist id `{ $id }` is used twice on this page
    .hint = give every checklist item its own id
md-link-broken =
    .label = broken link
md-link-outside-site = link `{ $link }` points outside the site
    .hint = relative links start from the page's address, { $url }; link a page by its .md file
md-link-outside-content = link `{ $link }` points outside content/
    .hint = link to a .md file inside content/ with a relative path
md-link-missing = link to `{ $link }`: content/{ $target } does not exist
    .hint = check the file name and the relative path (`../section/page.md`)

# Accessibility lints (src/lint.rs)
lint-second-h1 = a second top-level heading (`#`) on the page
    .hint = the page title is the only h1: start sections at `##`
lint-heading-skipped = heading level skipped: h{ $last } is followed by h{ $level }
    .hint = use `{ $hashes }` here, or add the missing level above
lint-image-alt = image without alternative text
    .hint = describe what the image shows: `![Окно входа на Госуслуги](…)`
lint-link-no-text = link without text
    .hint = write what the link leads to inside the brackets
lint-vague-link = link text «{ $text }» does not say where it leads
    .hint = name the destination: «форма заявления о присоединении», not «нажмите здесь»
lint-table-header = table without a header row (all header cells are empty)
    .hint = name each column in the first row of the table
lint-html-table-header = HTML table without header cells (`<th>`)
    .hint = write the table in Markdown, or mark its first row with <th>
lint-html-image-alt = HTML image without an alt attribute
    .hint = add alt="…" describing the image (alt="" only for decoration)

# Raw HTML and comments (src/raw_html.rs, src/html_comment.rs)
html-element = `<{ $name }>` in the page's HTML
html-element-script =
    .hint = pages run only the site's own scripts: remove the element (the widgets in docs/CONTENT.md do the interactive parts)
html-element-frame =
    .hint = a frame loads a whole document outside the page's security policy and shows nothing offline: link to the page or file instead
html-element-object =
    .hint = embedded objects are blocked by the site's security policy and would show an empty box: link to the file instead
html-meta-http-equiv = `<meta http-equiv>` in the page's HTML
    .hint = remove it: a refresh sends readers to another address, and the page's head is set by the templates (Word adds `<meta http-equiv=Content-Type>` to what it copies)
html-event-handler = event-handler attribute `{ $name }` in the page's HTML
    .hint = remove the attribute: pages run only the site's own scripts
html-script-attribute = `{ $scheme }` URL in the `{ $name }` attribute
html-script-link = `{ $scheme }` URL in a link
    .label = this link runs script
html-script-url =
    .hint = link to a page of the site, a file or a web address
html-unreadable = the page's HTML cannot be read: { $error }
html-script-file = content/{ $path }: a script file in content/
    .hint = files in content/ are published as they are and pages run only the site's own scripts: remove the file
html-comment-unclosed = this `<!--` is never closed: the rest of the page would be hidden
    .label = comment starts here
    .hint = end the comment with `-->`, or write the characters as code (`` `<!--` ``) to show them

# Widgets' settings (src/widgets.rs)
widget-uncountable = the calculator cannot count «{ $rule }»: { $reason }
    .hint = write the deadline as the memo does: «10 рабочих дней», «в течение 5 дней после получения заявки», «ежегодно не позднее 5 сентября»
widget-no-date = «{ $rule }» has no date to count
    .hint = a calculator needs a period (days, working days, hours) or a date
widget-wrong-rule = `{ $rule }` is not a `*{ $suffix }.yaml` data file
    .hint = name the rule file in content/, e.g. `fioko/{ $suffix }` for content/fioko/{ $suffix }.yaml

## Data: regulation tables, roles, calendars, rules, glossary

calendar-unreadable = cannot read { $path }: { $error }
calendar-status-missing =
    .hint = add `status: in-force` when the decree in `source` is officially published, `status: draft` when it is not (see docs/DATA.md)
calendar-wrong-year = the file is named { $name } but says year: `{ $year }`
    .hint = name each calendar file after its year, e.g. calendar/2027.yaml
calendar-problem =
    .hint = compare with the Government decree on moving days off for this year
calendar-outside-year = { $key }: `{ $date }` is not in { $year }
calendar-extra-day-off-weekend = extra_days_off: `{ $date }` is a { $weekday }, already a day off
calendar-working-weekend-weekday = working_weekends: `{ $date }` is a { $weekday }, not a weekend
calendar-transfer-not-day-off = transfers: the day off moved to `{ $date }` is missing from extra_days_off
calendar-transfer-not-holiday = transfers: `{ $date }` moves by ТК ст. 112 ч. 2 but is not a holiday
calendar-working-weekend-holiday = working_weekends: `{ $date }` is also a holiday
calendar-wrong-total = working_days_total: the dates give { NUM($counted) } working { $counted ->
        [one] day
       *[other] days
    }, the file says `{ $stated }`
weekday = { $n ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }
calendar-gap = content/calendar/{ $year }.yaml is missing between { $prev } and { $next }: deadlines that cross { $year } cannot be counted in working days
    .label = the year after the missing { $year }
    .hint = add the year from the Government decree «О переносе выходных дней» (see docs/DATA.md)
calendar-year-missing = content/calendar/{ $year }.yaml is missing: deadlines in { $year } cannot be counted in working days
regulation-roles-missing = { $file }: content/regulations/roles.yaml is missing
    .hint = list every role id the tables use, with its Russian name (see docs/DATA.md)
regulation-page-unnamed = { $file } uses { $template }, but no group of a regulation table names it in `page:`
    .hint = add `page: { $page }` to a stage or module in content/regulations/, or remove the template
regulation-page-missing = group { $group } names page `{ $page }`, which does not exist
    .hint = give the path of a .md file relative to content/
regulation-page-template = page `{ $page }` renders group { $group } but does not use { $template }
    .hint = add `template: { $template }` to that page's front matter
regulation-row-twice = row number `{ $number }` appears twice in group { $group }
    .label = the second row with this number
    .hint = the first row { $number } is on line { $line }; renumber one of them
    .hint-renumber = renumber one of the rows
deadline-parse-empty = no deadline is given
deadline-parse-annual = «ежегодно» must be followed by a date, e.g. «не позднее 5 сентября»
deadline-parse-monthly = how many times a month is not clear
deadline-parse-zero = a deadline of 0 days makes no sense
deadline-parse-period = it looks like a deadline but could not be read: write, e.g., «в течение 5 рабочих дней после получения заявки»
deadline-parse-unknown = not a deadline this program reads: neither a period («в течение N дней»), nor a date («ежегодно не позднее 5 сентября»), nor a known phrase («постоянно», «в соответствии с …»)
regulation-deadline-unreadable = row { $row }: cannot read the deadline `{ $deadline }`: { $reason }{ $clause ->
        [none] {""}
       *[other] {" "}(in «{ $clause }»)
    }
    .hint = rephrase it (e.g. «в течение 5 рабочих дней после получения заявки») or add `deadline_rule:` with the rule, e.g. [{"{"}kind: working_days, days: 5{"}"}]
regulation-no-role = row { $row } names no responsible role
    .label = at least one role
    .hint = list the role ids from content/regulations/roles.yaml, e.g. responsible: [oo]
regulation-unknown-role = unknown role `{ $id }` (row { $row })
    .hint = add the role to content/regulations/roles.yaml or fix the id
regulation-what-role-name = the name of role { $id }
regulation-what-role-short = the short name of role { $id }
regulation-what-table-title = the table's title
regulation-what-table-document = the table's document
regulation-what-group-title = the title of group { $group }
regulation-what-row-text = the `{ $field }` of row { $row }
rule-unreadable = cannot read the archive rule { $path }: { $error }
    .hint = pass --rule FILE, or run in the site folder (content/fioko/archive-rule.yaml)
rule-file-name =
    .hint = write the file name exactly as the memo gives it, or correct `match`
rule-file-name-no-extension = `file_name` «{ $name }» has no extension: write it as the memo does (…docx)
rule-file-name-extension = `file_name` «{ $name }» ends in .{ $ext }, but `match.extensions` allows only { $allowed }
rule-file-name-no-word = `file_name` «{ $name }» has none of the words of `match.words`: { $words }
rule-level-order = `levels` must be simplified, standard, confirmed in this order (lowest first), found { $found }
rule-required-level-missing = `required_level` `{ $level }` is not among `levels`
rule-field-twice = field id `{ $id }` is listed twice
rule-same-as-missing = field `{ $field }`: `same-as:{ $target }` is not another field of the form
rule-size-zero = `max_size_mb` is 0: every archive would be too large
    .hint = write the limit as the memo gives it, e.g. max_size_mb: 40
rule-warn-not-below = `warn_above_bytes` is { $warn }, not below `max_size_bytes: { $max }`: no archive would get the warning
    .hint = write the decimal reading of the limit, warn_above_bytes: { $decimal }
rule-size-too-large = `max_size_mb: { $mb }` is too large to count in bytes
rule-size-mismatch = `max_size_bytes` is { $bytes }, but `max_size_mb: { $mb }` is { $expected } bytes (1 МБ = 1024 × 1024 bytes)
    .label = not { $mb } × { $per_mb }
    .hint = write max_size_bytes: { $expected }, or correct max_size_mb; archives over warn_above_bytes ({ $warn }) get a warning anyway

## Templates, rendering, output, links (check), assets, offline bundle, feeds

source-missing = the guide does not say where its facts come from: `source` is missing
    .label = front matter without `source`
    .hint = add the memo's details; leave out what the memo does not say:
        source:
          document: "Памятка …"
          organisation: "…"
          region: "…"
          date: 2025-09-01
          version: "1.1"
site-base-url-placeholder = { $base ->
        [none] `base_url` is not set
       *[other] `base_url` is a placeholder ({ $base })
    }: printed pages show no link addresses, and sitemap.xml and the Atom feeds name addresses readers cannot open
    .hint = set base_url to the address the site is published at, e.g. base_url: "https://pamyatka.edu22.ru"
link-anchor-missing = `#{ $anchor }` does not exist on { $page }
    .label = no heading or element has this id
    .hint = heading ids are made from the heading text (lowercase, spaces → `-`); or set one with `## Title {"{"}#id{"}"}`
    .hint-close = ids that look close: { $ids }
    .hint-no-page = check the page path
link-broken = link to `{ $written }`: { $target } is not part of the site
    .label = broken link
    .hint = relative links start from the page's address, { $page }; link a page by its .md file (`../section/page.md`) and a file from the site's root (`/section/file.pdf`)
    .hint-absolute = link a page by its .md file (`../section/page.md`); check the address
    .hint-file = relative links start from the page's address, { $page }, not from its file's folder: write the link from the site's root, `{ $alt }`
    .hint-page = relative links start from the page's address, { $page }, not from its file's folder: link the page { $alt } by its .md file
link-broken-lv = link to `{ $written }`: it leads to /lv{ $target } from the low-vision version of the page, which is not part of the site
    .label = broken in the low-vision version
    .hint = write the link from the site's root: `{ $target }`
link-html-broken = { $origin }: link to `{ $href }`, which is not part of the site
link-html-anchor-missing = { $origin }: link to `{ $href }`: no element has id `{ $anchor }`
link-html =
    .hint = the link is in the HTML of { $page } (from a template or raw HTML)
reserved-lv = the build publishes the low-vision version of every page under /lv/
reserved-assets = the build writes the stylesheets, scripts and WASM modules there
reserved-data = the build publishes every data file there as JSON
reserved-search = the build writes the search index's pieces there
reserved-search-index = the build writes the search index there
reserved-sw = the build writes the service worker (offline use) there
reserved-bundle = the build writes the offline bundle there
reserved-sitemap = the build writes the sitemap there
reserved-site-feed = the build writes the site's Atom feed there
reserved-404 = the build writes the «page not found» page there
reserved-headers = the build writes the server's headers file there
reserved-section-feed = the build writes the section's Atom feed (feed.xml) there
reserved-role-calendar = the build writes the calendar of a regulation role's deadlines (roli/<role>/sroki.ics) there
reserved-role-pages = the build makes the pages of the regulation tables' roles (content/regulations/) in { $folder }
reserved-page-there = the build writes a page there
reserved-page = this page would be published at { $url }, which is reserved: { $why }
    .label = this page's path is taken
    .hint = rename the file or its folder
    .hint-lv = write each page once, outside content/lv/: its low-vision version is made from it
reserved-file = content/{ $rel } would be copied to { $rel }, which is reserved: { $why }
    .hint = rename the file or move it to another folder (next to the page that links it)
output-not-ours = refusing to replace { $path }: it is not empty and was not made by pamyatka (no { $marker } file); choose another --out
output-busy = another pamyatka process is writing to { $path } (a `build`, or a `serve` still running); wait for it to finish or stop it, then try again
output-io = { $action ->
        [create] cannot create
        [resolve] cannot resolve
        [open-lock] cannot open the lock file
        [lock] cannot lock
        [put-back] cannot put back
        [clear] cannot clear
        [write] cannot write
        [swap] cannot swap
        [move-aside] cannot move aside
        [move-into-place] cannot move into place
       *[other] cannot use
    } { $path }: { $error }
output-inside-input = the output folder { $out } is inside { $input }, which the build reads: every build would read the last one's output as content
output-holds-input = the output folder { $out } holds { $input }, which the build reads: the build replaces its output folder whole
output-placement =
    .hint = choose an --out outside content/ and templates/ and not holding them (the default is public/ beside them)
asset-unreadable = cannot read { $path }: { $error }
offline-runs-missing = offline.zip: { $added } of { $runs } runs of pages added
search-index-unreadable = cannot read { $path }: { $error } (build the site first)
search-index-broken = { $path }: no { $marker }
template-unreadable = cannot read { $path }: { $error }
template-unknown-asset = unknown asset `{ $path }` (files in templates/assets/)
template-not-a-date = `{ $value }` is not a YYYY-MM-DD date
template-missing = { $file }: template `{ $template }` does not exist
    .hint = create templates/{ $template } or remove `template:` from the front matter
content-file-unreadable = cannot read { $path }: { $error }
widget-rule-missing = { $path } does not exist
    .hint = the rule of a widget is a data file in content/, named without .yaml
template-syntax = { $detail }
template-var-undefined = Variable `{ $name }` is not defined.{ $available ->
        [none] {""}
       *[other] {" "}Available variables: { $available }
    }
template-var-undefined-value = Variable `{ $name }` exists but its value is undefined
template-field-undefined = Field `{ $name }` is not defined.{ $available ->
        [none] {""}
       *[other] {" "}Available fields: { $available }
    }
template-unknown = Unknown { $kind ->
        [filter] filter
        [test] test
        [function] function
        [template] template
       *[other] component
    } `{ $name }`
template-found-expected = Found { $found } but expected { $expected }.
template-end-of-input = Unexpected end of input
template-not-found = Template '{ $name }' not found
template-missing-parent = Template '{ $name }' is inheriting from '{ $parent }', which doesn't exist or isn't loaded.

## Scripts (assets.rs)

asset-script-syntax = The script does not parse: { $error }
    .label = here
    .hint = A browser would not run a script with this error, so the site was not built (the previous build is left as it was). Fix the script here (most often a missing bracket, comma or quote) and build again.

## Images (images/)

image-sidecar-alone = A highlights file has no image { $image } beside it
    .hint = A file "name.png.yaml" describes highlights on the image "name.png" in the same folder. Put the image beside it, or rename the file so that the names match (with the extension).
image-unreadable = cannot read the image { $path }: { $detail }
    .hint = The file is damaged, or it is not a PNG/JPEG although its extension says so. Save the image again (e.g. "Save as… PNG") and build again.
image-heavy = The image { $path } weighs { $size } even after recompression (more than { $limit }): slow to load on a phone
    .hint = Make it smaller: crop what is not needed (a memo usually needs the program's window, not the whole screen) or save it smaller. Save photographs as JPEG.
image-wide = The image { $path } is { $width } pixels wide ({ $height } high): wider than { $limit } pixels
    .hint = Such screenshots come from very large screens; readers need only a part. Crop it to the window that matters or scale it down to 1920 pixels wide.
image-highlight-empty = Highlight { $number } is empty: its width or height is zero
    .hint = Coordinates are in the original image's pixels ({ $width } × { $height }): x and y are the frame's top left corner, w and h its width and height.
image-highlight-outside = Highlight { $number } goes past the image's edge: its right edge is { $right }, its bottom { $bottom }, and the image is { $width } × { $height }
    .label = this frame
    .hint = Coordinates are in the original image's pixels ({ $width } × { $height }): x and y are the frame's top left corner, w and h its width and height. Check that the frame was measured on this image at this size.
image-highlight-no-label = Highlight { $number } has no label
    .hint = Add a "label": what is highlighted. The labels are listed under the image, numbered: they are what readers who cannot see the picture read, and what the search finds.
image-unused = The image { $path } is not used on any page
    .hint = Put it into a memo with a line "![what the image shows](/path/to/file.png)" or delete the file: unused images make the site larger.
image-name-taken = The image { $image } is also written at { $path }, but content/ already has a file of that name
    .hint = The program makes the narrower copies of images itself, named "name-480w.png" and "name-480w.webp". Rename { $path } so that the names differ.
