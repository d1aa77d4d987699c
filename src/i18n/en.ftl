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

## Templates, rendering, output, links (check), assets, offline bundle, feeds

## Scripts (assets.rs)

asset-script-syntax = The script does not parse: { $error }
    .label = here
    .hint = A browser would not run a script with this error, so the site was not built (the previous build is left as it was). Fix the script here (most often a missing bracket, comma or quote) and build again.
