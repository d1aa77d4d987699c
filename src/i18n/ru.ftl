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

# YAML: serde's and the parser's own messages (src/yaml/serde_text.rs)
yaml-unknown-field = неизвестный ключ `{ $field }`{ $count ->
        [0] : здесь не бывает ключей
        [1] ; допустим только ключ { $expected }
       *[other] ; допустимые ключи: { $expected }
    }
    .hint = удалите ключ или проверьте, как он написан
yaml-unknown-variant = неизвестное значение `{ $value }`{ $count ->
        [0] : здесь не бывает значений
        [1] ; допустимо только значение { $expected }
       *[other] ; допустимые значения: { $expected }
    }
    .hint = укажите одно из перечисленных значений
yaml-did-you-mean = возможно, вы имели в виду `{ $name }`?
yaml-missing-field = не указан обязательный ключ `{ $field }`
    .hint = добавьте ключ `{ $field }`
yaml-duplicate-field = ключ `{ $field }` указан дважды
yaml-invalid-type = неподходящее значение: { $found }, а { $expected }
    .hint = проверьте тип значения (текст возьмите в кавычки, список запишите как `[a, b]`)
yaml-invalid-value = недопустимое значение: { $found }, а { $expected }
yaml-invalid-length = неверное число элементов ({ $len }), а { $expected }
yaml-found-bool = логическое значение `{ $value }`
yaml-found-integer = целое число `{ $value }`
yaml-found-float = дробное число `{ $value }`
yaml-found-char = символ `{ $value }`
yaml-found-string = строка `{ $value }`
yaml-found-null = пустое значение
yaml-found-option = необязательное значение
yaml-found-list = список
yaml-found-map = набор ключей со значениями
yaml-found-enum = перечисление
yaml-expected-string = ожидалась строка
yaml-expected-integer = ожидалось целое число
yaml-expected-number = ожидалось число
yaml-expected-bool = ожидалось `true` или `false`
yaml-expected-list = ожидался список
yaml-expected-map = ожидался набор ключей со значениями
yaml-expected-date = ожидалась дата в виде ГГГГ-ММ-ДД
yaml-expected-change-text = ожидалась одна строка о том, что изменилось
yaml-expected-char = ожидался один символ
yaml-expected-items = ожидалось элементов: { $n }
yaml-syntax-end-of-stream = текст YAML закончился раньше, чем ожидалось
    .hint = выше открыта кавычка `"` или скобка `[`, которая не закрыта
yaml-syntax-expected-key = здесь ожидался ключ (`ключ: значение`)
yaml-syntax-mapping-values = двоеточие `:` здесь недопустимо
yaml-syntax-cannot-start-token = с этого символа не может начинаться значение
yaml-syntax-expected-node = здесь ожидалось значение
yaml-syntax-expected-colon = после ключа не найдено двоеточие `:`
yaml-syntax-tab = отступ сделан табуляцией
    .hint = в YAML отступы делаются только пробелами: замените табуляцию пробелами
yaml-syntax-flow-list = не закрыта квадратная скобка `]` или пропущена запятая `,`
yaml-syntax-flow-map = не закрыта фигурная скобка `{"}"}` или пропущена запятая `,`
yaml-syntax-block-entry = здесь ожидался пункт списка `- `
yaml-syntax-block-sequence = пункт списка `-` здесь недопустим
yaml-syntax-unknown-escape = неизвестная escape-последовательность после `\` в кавычках
yaml-syntax-document-indicator = строка `---` или `...` внутри значения
yaml-syntax-empty = в YAML нет ни одного значения
yaml-syntax-many-documents = в файле несколько документов YAML (разделённых `---`), а должен быть один
yaml-syntax-unknown-anchor = ссылка `*имя` на неизвестный якорь
yaml-syntax-too-deep = слишком глубокая вложенность
yaml-syntax-indentation =
    .hint = проверьте отступы и возьмите в кавычки значения, в которых есть `:` или `#`

# Front matter (src/content/frontmatter.rs)
fm-missing = в файле нет front matter (блока YAML в начале)
    .label = здесь ожидается `---`
    .hint =
        начните файл с блока YAML:
        ---
        title: "Заголовок"
        ---
fm-unclosed = front matter не закрыт
    .label = открыт здесь
    .hint = закончите блок YAML строкой, в которой только `---`
fm-date-invalid = неверная дата `{ $value }`: запишите её как ГГГГ-ММ-ДД, например 2025-09-01
fm-date-implausible = дата `{ $value }` неправдоподобна: год должен быть от { $from } до { $to }
fm-change-empty = текст изменения пуст: напишите одной строкой, что изменилось
fm-change-line-break = в тексте изменения есть перенос строки: напишите, что изменилось, одной строкой
fm-change-too-long = текст изменения длиной { NUM($chars) } { $chars ->
        [one] символ
        [few] символа
       *[many] символов
    }: уложитесь в одну строку не длиннее { NUM($max) } { $max ->
        [one] символа
       *[other] символов
    }

# Reading content/ (src/content/loader.rs)
content-no-folder = не найдена папка с содержимым сайта: { $path }
    .hint = запустите pamyatka в папке сайта или укажите её через `--root ПАПКА`; `pamyatka new guide ИМЯ` создаёт страницу
content-walk-failed = не удалось прочитать { $error }
content-read-failed = не удалось прочитать { $path }: { $error }
content-not-utf8 = файл сохранён не в кодировке UTF-8
    .hint = сохраните файл в UTF-8 (а не в старой кодировке вроде Windows-1251)
content-no-site-yaml = нет файла content/site.yaml
    .hint =
        создайте его; достаточно одной строки:
        title: "Название сайта"
content-symlink = content/{ $path } — символическая ссылка, она пропущена (по ссылкам pamyatka не переходит: они могут вести за пределы сайта)
    .hint = скопируйте { $what ->
        [folder] папку
       *[file] файл
    } в content/ вместо ссылки на { $what ->
        [folder] неё
       *[file] него
    }
content-file-name = content/{ $path }: в имени есть `{ $char }`, а в адресе страницы этот символ использовать нельзя
    .hint = переименуйте файл: латинские буквы, цифры и `-` (например, privyazka-esia.md)
content-url-collision = { $first } и { $second } попали бы на один адрес: { $url }
    .hint = переименуйте или удалите один из них
content-section-no-index = в папке content/{ $section }/ нет _index.md; названием раздела станет имя папки
    .hint = добавьте _index.md с заголовком (`title`) и порядком (`weight`)
synonyms-format =
    .hint =
        запишите каждую группу списком слов, которые должны находить друг друга:
        - [детсад, детский сад, ДОО]
synonyms-one-entry = в группе синонимов должно быть хотя бы два слова
    .label = одно слово
synonyms-no-words = в «{ $phrase }» нет слов, по которым ищет поиск (пусто или только слова вроде «и», «в»)
    .label = искать не по чему
synonyms-two-groups = «{ $phrase }» есть в двух группах (в группе { $first } и в группе { $second })
    .label = уже есть в другой группе
    .hint = объедините эти две группы в одну

# Lengths of texts (src/limits.rs); `what` is a noun phrase that stands before a colon
limits-what-title = заголовок
limits-what-description = описание
limits-empty = { $what }: пусто
    .label = здесь нет заголовка
    .hint = напишите заголовок в кавычках: title: "Заголовок"
limits-empty-null = { $what }: пусто (`{ $value }` в YAML означает «нет значения»)
limits-too-long = { $what }: { NUM($n) } { $n ->
        [one] символ
        [few] символа
       *[many] символов
    }, а можно не больше { NUM($max) }
    .label = слишком длинно
limits-too-long-title =
    .hint = заголовок виден в навигации на каждой странице: сделайте его коротким, а подробности перенесите в описание или текст
limits-too-long-description =
    .hint = описание — это одно-два предложения: кому страница и в чём помогает; остальное перенесите в текст
limits-too-long-row =
    .hint = сократите текст или разделите строку на несколько

# Markdown (src/markdown.rs)
md-widget-misspelt = `{ $lang }` — не виджет, поэтому этот блок будет показан как код
    .label = неизвестный виджет
    .hint = возможно, вы имели в виду `{ $name }`?
md-checklist-bad-id = id пункта чек-листа `{ $id }` не подходит
    .hint = используйте строчные латинские буквы, цифры и `-`, например {"{"}#pasport-kopiya{"}"}
md-checklist-no-id = у пункта чек-листа нет id
    .label = добавьте `{"{"}#id{"}"}` в конце этой строки
    .hint = отметки запоминаются по id пункта; id, взятый из текста, меняется вместе с текстом
md-checklist-duplicate-id = id пункта чек-листа `{ $id }` встречается на странице дважды
    .hint = дайте каждому пункту чек-листа свой id
md-link-broken =
    .label = битая ссылка
md-link-outside-site = ссылка `{ $link }` ведёт за пределы сайта
    .hint = относительная ссылка отсчитывается от адреса страницы, { $url }; на страницу ссылайтесь по её файлу .md
md-link-outside-content = ссылка `{ $link }` ведёт за пределы папки content/
    .hint = ссылайтесь на файл .md внутри content/ относительным путём
md-link-missing = ссылка на `{ $link }`: файла content/{ $target } нет
    .hint = проверьте имя файла и относительный путь (`../razdel/stranica.md`)

# Accessibility lints (src/lint.rs)
lint-second-h1 = второй заголовок первого уровня (`#`) на странице
    .hint = заголовок страницы — единственный h1: разделы начинайте с `##`
lint-heading-skipped = пропущен уровень заголовка: после h{ $last } идёт h{ $level }
    .hint = поставьте здесь `{ $hashes }` или добавьте пропущенный уровень выше
lint-image-alt = у картинки нет текстового описания (alt)
    .hint = опишите, что на картинке: `![Окно входа на Госуслуги](…)`
lint-link-no-text = у ссылки нет текста
    .hint = напишите в квадратных скобках, куда ведёт ссылка
lint-vague-link = текст ссылки «{ $text }» не говорит, куда она ведёт
    .hint = назовите, куда ведёт ссылка: «форма заявления о присоединении», а не «нажмите здесь»
lint-table-header = у таблицы нет строки заголовков (все ячейки заголовка пусты)
    .hint = назовите каждый столбец в первой строке таблицы
lint-html-table-header = в HTML-таблице нет ячеек заголовка (`<th>`)
    .hint = запишите таблицу в Markdown или отметьте её первую строку тегом <th>
lint-html-image-alt = у HTML-картинки нет атрибута alt
    .hint = добавьте alt="…" с описанием картинки (alt="" — только для украшений)

# Raw HTML and comments (src/raw_html.rs, src/html_comment.rs)
html-element = `<{ $name }>` в HTML-коде страницы
html-element-script =
    .hint = на страницах работают только скрипты самого сайта: удалите элемент (интерактивные части делают виджеты из docs/CONTENT.md)
html-element-frame =
    .hint = фрейм загружает целый документ в обход политики безопасности страницы и без интернета ничего не показывает: дайте вместо него ссылку на страницу или файл
html-element-object =
    .hint = встроенные объекты блокирует политика безопасности сайта, и на их месте будет пустой прямоугольник: дайте вместо них ссылку на файл
html-meta-http-equiv = `<meta http-equiv>` в HTML-коде страницы
    .hint = удалите его: обновление уводит читателей на другой адрес, а заголовок страницы задают шаблоны (Word добавляет `<meta http-equiv=Content-Type>` ко всему, что копирует)
html-event-handler = атрибут-обработчик событий `{ $name }` в HTML-коде страницы
    .hint = удалите атрибут: на страницах работают только скрипты самого сайта
html-script-attribute = адрес `{ $scheme }` в атрибуте `{ $name }`
html-script-link = адрес `{ $scheme }` в ссылке
    .label = эта ссылка запускает скрипт
html-script-url =
    .hint = ссылайтесь на страницу сайта, файл или адрес в интернете
html-unreadable = не удалось прочитать HTML-код страницы: { $error }
html-script-file = content/{ $path }: файл скрипта в content/
    .hint = файлы из content/ публикуются как есть, а на страницах работают только скрипты самого сайта: удалите файл
html-comment-unclosed = этот `<!--` нигде не закрыт: остаток страницы был бы скрыт
    .label = комментарий начинается здесь
    .hint = закройте комментарий знаками `-->` или запишите эти символы как код (`` `<!--` ``), чтобы они были видны

# Widgets' settings (src/widgets.rs)
widget-uncountable = калькулятор не может посчитать «{ $rule }»: { $reason }
    .hint = запишите срок так, как в памятке: «10 рабочих дней», «в течение 5 дней после получения заявки», «ежегодно не позднее 5 сентября»
widget-no-date = в «{ $rule }» не из чего посчитать дату
    .hint = калькулятору нужен срок (дни, рабочие дни, часы) или дата
widget-wrong-rule = `{ $rule }` — не файл данных `*{ $suffix }.yaml`
    .hint = укажите файл правила в content/, например `fioko/{ $suffix }` для content/fioko/{ $suffix }.yaml

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

## Scripts (assets.rs)

asset-script-syntax = Скрипт не разбирается: { $error }
    .label = здесь
    .hint = Браузер не выполнит скрипт с такой ошибкой, поэтому сайт не собран (прежняя версия осталась как была). Исправьте скрипт в этом месте — чаще всего это пропущенная скобка, запятая или кавычка — и запустите сборку снова.
