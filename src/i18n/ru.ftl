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

calendar-unreadable = Не удалось прочитать { $path }: { $error }
calendar-status-missing =
    .hint = добавьте `status: in-force`, если постановление из `source` официально опубликовано, и `status: draft`, если ещё нет (см. docs/DATA.md)
calendar-wrong-year = Файл называется { $name }, а в нём указано year: `{ $year }`
    .hint = называйте каждый файл календаря по его году, например calendar/2027.yaml
calendar-problem =
    .hint = сверьте с постановлением Правительства о переносе выходных дней на этот год
calendar-gap = Нет файла content/calendar/{ $year }.yaml между { $prev } и { $next } годами: сроки, которые переходят через { $year } год, нельзя посчитать в рабочих днях
    .label = год после пропущенного { $year }
    .hint = добавьте год по постановлению Правительства «О переносе выходных дней» (см. docs/DATA.md)
calendar-year-missing = Нет файла content/calendar/{ $year }.yaml: сроки в { $year } году нельзя посчитать в рабочих днях
regulation-roles-missing = { $file }: нет файла content/regulations/roles.yaml
    .hint = перечислите в нём все коды ролей, которые встречаются в таблицах, с их названиями по-русски (см. docs/DATA.md)
regulation-page-unnamed = Страница { $file } использует шаблон { $template }, но ни одна группа таблиц регламента не указывает её в `page:`
    .hint = добавьте `page: { $page }` к этапу или модулю в content/regulations/ или уберите шаблон
regulation-page-missing = Группа { $group } указывает страницу `{ $page }`, которой нет
    .hint = укажите путь к файлу .md относительно папки content/
regulation-page-template = Страница `{ $page }` выводит группу { $group }, но не использует шаблон { $template }
    .hint = добавьте `template: { $template }` в начальный блок (front matter) этой страницы
regulation-row-twice = Номер строки `{ $number }` встречается в группе { $group } дважды
    .label = вторая строка с этим номером
    .hint = первая строка { $number } — в строке { $line } файла; измените номер одной из них
    .hint-renumber = измените номер одной из строк
regulation-deadline-unreadable = Строка { $row }: не удалось разобрать срок `{ $deadline }`: { $reason }{ $clause ->
        [none] {""}
       *[other] {" "}(в части «{ $clause }»)
    }
    .hint = переформулируйте срок (например, «в течение 5 рабочих дней после получения заявки») или добавьте `deadline_rule:` с правилом, например [{"{"}kind: working_days, days: 5{"}"}]
regulation-no-role = В строке { $row } не указана ответственная роль
    .label = нужна хотя бы одна роль
    .hint = перечислите коды ролей из content/regulations/roles.yaml, например responsible: [oo]
regulation-unknown-role = Неизвестная роль `{ $id }` (строка { $row })
    .hint = добавьте роль в content/regulations/roles.yaml или исправьте код
regulation-what-role-name = название роли { $id }
regulation-what-role-short = краткое название роли { $id }
regulation-what-table-title = заголовок таблицы
regulation-what-table-document = документ таблицы
regulation-what-group-title = заголовок группы { $group }
regulation-what-row-text = поле `{ $field }` строки { $row }
rule-unreadable = Не удалось прочитать правило для архивов { $path }: { $error }
    .hint = укажите --rule ФАЙЛ или запустите команду в папке сайта (content/fioko/archive-rule.yaml)
rule-file-name =
    .hint = напишите имя файла точно так, как в памятке, или исправьте `match`
rule-size-zero = `max_size_mb` равно 0: любой архив окажется слишком большим
    .hint = укажите предел так, как в памятке, например max_size_mb: 40
rule-warn-not-below = `warn_above_bytes` равно { $warn }, а это не меньше `max_size_bytes: { $max }`: предупреждения не получит ни один архив
    .hint = укажите предел в десятичном счёте: warn_above_bytes: { $decimal }
rule-size-too-large = `max_size_mb: { $mb }` слишком велико, чтобы посчитать его в байтах
rule-size-mismatch = `max_size_bytes` равно { $bytes }, но `max_size_mb: { $mb }` — это { $expected } байт (1 МБ = 1024 × 1024 байт)
    .label = не { $mb } × { $per_mb }
    .hint = укажите max_size_bytes: { $expected } или исправьте max_size_mb; архивы больше warn_above_bytes ({ $warn }) всё равно получат предупреждение

## Templates, rendering, output, links (check), assets, offline bundle, feeds

source-missing = В инструкции не сказано, откуда взяты сведения: нет поля `source`
    .label = начальный блок без `source`
    .hint = добавьте реквизиты памятки; то, чего в памятке нет, не пишите:
        source:
          document: "Памятка …"
          organisation: "…"
          region: "…"
          date: 2025-09-01
          version: "1.1"
site-base-url-placeholder = { $base ->
        [none] `base_url` не указан
       *[other] `base_url` — заглушка ({ $base })
    }: в печатных страницах не будет адресов ссылок, а sitemap.xml и ленты Atom назовут адреса, которые читатели не смогут открыть
    .hint = укажите в base_url адрес, по которому опубликован сайт, например base_url: "https://pamyatka.edu22.ru"
link-anchor-missing = На странице { $page } нет `#{ $anchor }`
    .label = ни у заголовка, ни у элемента нет такого id
    .hint = id заголовков составляются из их текста (строчными буквами, пробелы → `-`); можно задать свой: `## Заголовок {"{"}#id{"}"}`
    .hint-close = похожие id: { $ids }
    .hint-no-page = проверьте путь к странице
link-broken = Ссылка на `{ $written }`: { $target } нет на сайте
    .label = ссылка никуда не ведёт
    .hint = относительные ссылки отсчитываются от адреса страницы, { $page }; на страницу ссылайтесь по её файлу .md (`../section/page.md`), на файл — от корня сайта (`/section/file.pdf`)
    .hint-absolute = на страницу ссылайтесь по её файлу .md (`../section/page.md`); проверьте адрес
    .hint-file = относительные ссылки отсчитываются от адреса страницы, { $page }, а не от папки её файла: напишите ссылку от корня сайта, `{ $alt }`
    .hint-page = относительные ссылки отсчитываются от адреса страницы, { $page }, а не от папки её файла: сошлитесь на страницу { $alt } по её файлу .md
link-broken-lv = Ссылка на `{ $written }`: из версии для слабовидящих она ведёт на /lv{ $target }, которого нет на сайте
    .label = не работает в версии для слабовидящих
    .hint = напишите ссылку от корня сайта: `{ $target }`
link-html-broken = { $origin }: ссылка на `{ $href }`, которого нет на сайте
link-html-anchor-missing = { $origin }: ссылка на `{ $href }`: нет элемента с id `{ $anchor }`
link-html =
    .hint = ссылка находится в HTML страницы { $page } (из шаблона или HTML-вставки)
reserved-lv = программа публикует версию для слабовидящих каждой страницы в /lv/
reserved-assets = сюда программа записывает стили, скрипты и модули WASM
reserved-data = сюда программа публикует каждый файл данных в виде JSON
reserved-search = сюда программа записывает части поискового индекса
reserved-search-index = сюда программа записывает поисковый индекс
reserved-sw = сюда программа записывает service worker (работа без интернета)
reserved-bundle = сюда программа записывает архив сайта для работы без интернета
reserved-sitemap = сюда программа записывает карту сайта
reserved-site-feed = сюда программа записывает ленту Atom сайта
reserved-404 = сюда программа записывает страницу «страница не найдена»
reserved-headers = сюда программа записывает файл заголовков для сервера
reserved-section-feed = сюда программа записывает ленту Atom раздела (feed.xml)
reserved-role-calendar = сюда программа записывает календарь сроков роли регламента (roli/<роль>/sroki.ics)
reserved-role-pages = программа создаёт страницы ролей таблиц регламента (content/regulations/) в { $folder }
reserved-page-there = сюда программа записывает страницу
reserved-page = Эта страница была бы опубликована по адресу { $url }, но он занят: { $why }
    .label = путь этой страницы занят
    .hint = переименуйте файл или его папку
    .hint-lv = пишите каждую страницу один раз, вне content/lv/: её версия для слабовидящих создаётся из неё
reserved-file = Файл content/{ $rel } был бы скопирован в { $rel }, но этот путь занят: { $why }
    .hint = переименуйте файл или перенесите его в другую папку (рядом со страницей, которая на него ссылается)
output-not-ours = Папку { $path } нельзя заменить: она не пуста и создана не программой pamyatka (в ней нет файла { $marker }); укажите другую папку в --out
output-busy = В папку { $path } уже пишет другой процесс pamyatka (`build` или ещё работающий `serve`); дождитесь его окончания или остановите его и повторите
output-io = { $action ->
        [create] Не удалось создать
        [resolve] Не удалось найти полный путь к
        [open-lock] Не удалось открыть файл блокировки
        [lock] Не удалось заблокировать
        [put-back] Не удалось вернуть на место
        [clear] Не удалось очистить
        [write] Не удалось записать
        [swap] Не удалось подменить
        [move-aside] Не удалось отодвинуть в сторону
        [move-into-place] Не удалось поставить на место
       *[other] Ошибка при работе с
    } { $path }: { $error }
output-inside-input = Папка результата { $out } находится внутри { $input }, которую программа читает: каждая сборка читала бы результат предыдущей как содержимое
output-holds-input = Папка результата { $out } содержит { $input }, которую программа читает: сборка заменяет папку результата целиком
output-placement =
    .hint = укажите в --out папку вне content/ и templates/, которая их не содержит (по умолчанию — public/ рядом с ними)
asset-unreadable = Не удалось прочитать { $path }: { $error }
offline-runs-missing = offline.zip: в архив добавлено { $added } из { $runs } частей страниц
search-index-unreadable = Не удалось прочитать { $path }: { $error } (сначала соберите сайт)
search-index-broken = { $path }: нет { $marker }
template-unreadable = Не удалось прочитать { $path }: { $error }
template-unknown-asset = Неизвестный файл оформления `{ $path }` (файлы лежат в templates/assets/)
template-not-a-date = `{ $value }` — не дата в виде ГГГГ-ММ-ДД
template-missing = { $file }: шаблона `{ $template }` нет
    .hint = создайте templates/{ $template } или уберите `template:` из начального блока (front matter)
content-file-unreadable = Не удалось прочитать { $path }: { $error }
widget-rule-missing = Нет файла { $path }
    .hint = правило виджета — это файл данных в content/, его имя пишется без .yaml
template-syntax = Ошибка в записи шаблона: { $detail }
template-var-undefined = Переменная `{ $name }` не определена{ $available ->
        [none] {""}
       *[other] . Доступные переменные: { $available }
    }
template-var-undefined-value = Переменная `{ $name }` есть, но её значение не определено
template-field-undefined = Поле `{ $name }` не определено{ $available ->
        [none] {""}
       *[other] . Доступные поля: { $available }
    }
template-unknown = { $kind ->
        [filter] Неизвестный фильтр
        [test] Неизвестная проверка
        [function] Неизвестная функция
        [template] Неизвестный шаблон
       *[other] Неизвестный компонент
    } `{ $name }`
template-found-expected = встретилось { $found }, а ожидалось { $expected }
template-end-of-input = шаблон закончился раньше, чем ожидалось
template-not-found = Шаблон `{ $name }` не найден
template-missing-parent = Шаблон `{ $name }` расширяет `{ $parent }`, которого нет
