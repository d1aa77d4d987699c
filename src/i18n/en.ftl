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
cli-build-done = Built { NUM($pages) } { $pages ->
        [one] page
       *[other] pages
    } ({ NUM($files) } { $files ->
        [one] file
       *[other] files
    })
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

## Data: regulation tables, roles, calendars, rules, glossary

## Templates, rendering, output, links (check), assets, offline bundle, feeds
