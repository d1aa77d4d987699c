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

## Templates, rendering, output, links (check), assets, offline bundle, feeds
