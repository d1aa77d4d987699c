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

## serve: the terminal and the page overlay

## init, schema, check --external

## Content: front matter, Markdown, YAML syntax and fields

## Data: regulation tables, roles, calendars, rules, glossary

calendar-unreadable = cannot read { $path }: { $error }
calendar-status-missing =
    .hint = add `status: in-force` when the decree in `source` is officially published, `status: draft` when it is not (see docs/DATA.md)
calendar-wrong-year = the file is named { $name } but says year: `{ $year }`
    .hint = name each calendar file after its year, e.g. calendar/2027.yaml
calendar-problem =
    .hint = compare with the Government decree on transferring days off for this year
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
