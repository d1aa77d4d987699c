# pamyatka's messages in Russian (the default). Every message has the same id in en.ftl; the
# tests in src/i18n.rs hold the two files to the same ids, attributes and variables.
# Numbers passed as numbers choose the plural form: { $n -> [one] … [few] … *[many] … };
# NUM($n) prints one with its thousands apart: 4 917.
# Sections by the part of the program that speaks; keep each message in its section.

## Common: how a diagnostic is printed, the grouping of warnings, the summary

diag-error = ошибка
diag-warning = предупреждение
diag-hint = подсказка
diag-more = … и ещё { NUM($n) } { $n ->
        [one] такое же предупреждение
        [few] таких же предупреждения
       *[many] таких же предупреждений
    } ({ $label }){ $files ->
        [none] {""}
       *[other] {" "}в { $files }{ $more_files ->
            [0] {""}
           *[other] {" "}и ещё в { NUM($more_files) } { $more_files ->
                [one] файле
               *[other] файлах
            }
        }
    }; все покажет `--verbose`
diag-summary-errors = Ошибок: { NUM($errors) }{ $error_kinds ->
        [none] {""}
       *[other] {" "}({ $error_kinds })
    }
diag-summary-warnings = Предупреждений: { NUM($warnings) }{ $warning_kinds ->
        [none] {""}
       *[other] {" "}({ $warning_kinds })
    }
test-plural = { NUM($n) } { $n ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }

## Command line: help of the program and its commands, what main prints

## serve: the terminal and the page overlay

## init, schema, check --external

## Content: front matter, Markdown, YAML syntax and fields

## Data: regulation tables, roles, calendars, rules, glossary

## Templates, rendering, output, links (check), assets, offline bundle, feeds

## Scripts (assets.rs)

asset-script-syntax = Скрипт не разбирается: { $error }
    .label = здесь
    .hint = Браузер не выполнит скрипт с такой ошибкой, поэтому сайт не собран (прежняя версия осталась как была). Исправьте скрипт в этом месте — чаще всего это пропущенная скобка, запятая или кавычка — и запустите сборку снова.
