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

io-not-found = нет такого файла или папки
io-permission-denied = нет прав доступа
io-already-exists = файл уже существует
io-invalid-data = данные повреждены или в неверной кодировке
io-storage-full = на диске нет места
io-read-only = диск доступен только для чтения
io-is-a-directory = это папка, а не файл
io-not-a-directory = это файл, а не папка
io-directory-not-empty = папка не пуста
io-address-in-use = адрес уже занят другой программой
io-address-not-available = такого адреса нет на этом компьютере
io-busy = файл занят другой программой
io-file-too-large = файл слишком велик
io-crosses-devices = файл нельзя перенести на другой диск
## Command line: help of the program and its commands, what main prints

cli-archive-accepted = принят
cli-archive-warned = принят с замечаниями
cli-archive-rejected = не принят
cli-validate-valid = верно
validate-cannot-open = не удаётся открыть { $file }: { $reason }
cli-about = Собирает портал памяток: памятки из content/ (Markdown и YAML) превращаются в доступный статический сайт.
cli-heading-usage = Использование:
cli-heading-commands = Команды:
cli-heading-arguments = Аргументы:
cli-heading-options = Параметры:
cli-default = [по умолчанию: { $value }]
cli-possible = [значения: { $values }]
cli-value-command = КОМАНДА
cli-value-options = ПАРАМЕТРЫ
cli-value-dir = ПАПКА
cli-value-lang = ЯЗЫК
cli-value-port = ПОРТ
cli-value-timeout = СЕКУНДЫ
cli-value-text = ТЕКСТ
cli-value-date = ДАТА
cli-value-value = ЗНАЧЕНИЕ
cli-value-files = ФАЙЛЫ
cli-value-file = ФАЙЛ
cli-value-query = ЗАПРОС
cli-value-limit = ЧИСЛО
cli-value-url = АДРЕС
cli-value-name = ИМЯ
cli-arg-root = Папка сайта: в ней лежит content/ (и, если есть, templates/).
cli-arg-out = Куда записать собранный сайт (относительный путь считается от --root).
cli-arg-verbose = Показать время каждого этапа и подробности.
cli-arg-lang = Язык сообщений: ru или en (по умолчанию — язык системы, а если он не задан, русский).
cli-arg-help = Показать эту справку.
cli-arg-version = Показать версию программы.
cli-build-about = Собрать сайт в папку --out. Прежняя версия заменяется, только если вся сборка прошла успешно; при любой ошибке она остаётся как была.
cli-build-no-minify = Оставить стили и скрипты читаемыми (не сжимать их; страницы не сжимаются никогда: это экономило около 3 % их размера в gzip ценой трети времени сборки).
cli-build-clean = Собрать все страницы заново, не глядя на кэш прошлой сборки (обычно сборка пересобирает только страницы, которых коснулись правки).
cli-serve-about = Собрать сайт, показывать папку --out по адресу 127.0.0.1, пересобирать при каждом изменении в content/ или templates/ и обновлять открытые страницы. Ошибки видны в терминале и на странице; пока они есть, показывается последняя удачная версия.
cli-serve-port = Порт (0 — выбрать свободный).
cli-check-about = Проверить содержимое, ничего не записывая: заголовки страниц (front matter), шаблоны и то, что каждая внутренняя ссылка и #якорь ведут куда нужно (с указанием файл:строка:столбец).
cli-check-external = Проверить ещё и каждый веб-адрес, на который ссылаются страницы (только эта команда обращается к сети): нерабочие ссылки — ошибки, перенаправленные — предупреждения. Ответы хранятся сутки в .pamyatka/links.json.
cli-check-no-cache = Спросить каждый адрес заново, что бы ни было в кэше.
cli-check-timeout = Сколько секунд ждать соединения и ответа.
cli-deadline-about = Рассчитать срок по тексту на русском языке, по Гражданскому кодексу (ст. 190–194) и производственному календарю из content/calendar/. Выводит по строке на каждое правило в тексте; завершается с кодом 1, если ни одно правило не даёт даты (причины — в stderr).
cli-deadline-text = Текст срока, например «в течение 5 рабочих дней после получения заявки».
cli-deadline-from = Событие: ГГГГ-ММ-ДД, или ГГГГ-ММ-ДДTЧЧ:ММ для сроков в часах. Для ежегодных сроков — дата отсчёта (выводится ближайшая не раньше неё).
cli-deadline-json = Вывести JSON (массив, по объекту на правило).
cli-validate-about = Запустить проверку: контрольные цифры СНИЛС, ИНН, ОГРН(ИП) или архивы документов ФИОКО (имя, размер, формат, состав, обязательные документы). Код 0 — всё верно или ничего не отклонено.
cli-validate-snils-about = СНИЛС: 11 цифр, можно с пробелами и дефисами (123-456-789 64).
cli-validate-snils-value = Номер СНИЛС.
cli-validate-snils-json = Вывести JSON.
cli-validate-inn-about = ИНН физического лица (12 цифр) или организации (10); программа скажет, чей он.
cli-validate-inn-value = Номер ИНН.
cli-validate-inn-json = Вывести JSON.
cli-validate-inn-person = Верен только ИНН физического лица (12 цифр).
cli-validate-inn-org = Верен только ИНН организации (10 цифр).
cli-validate-ogrn-about = ОГРН (13 цифр) или ОГРНИП (15).
cli-validate-ogrn-value = Номер ОГРН или ОГРНИП.
cli-validate-ogrn-json = Вывести JSON.
cli-validate-archive-about = Проверить один или несколько архивов по правилу ФИОКО.
cli-validate-archive-files = Файлы архивов.
cli-validate-archive-rule = Правило (по умолчанию content/fioko/archive-rule.yaml в папке --root).
cli-validate-archive-json = Вывести JSON.
cli-search-about = Искать по собранному сайту (--out) так же, как его страница поиска: выводит лучшие результаты и исправленный запрос, если слово с опечаткой нашлось по исправлению.
cli-search-query = Запрос, например «восстановить пароль».
cli-search-limit = Сколько результатов показать.
cli-search-json = Вывести JSON (результаты страницы поиска).
cli-init-about = Создать новый сайт в папке ПАПКА: настройки с пояснением каждого поля, главная страница, страница поиска, пример памятки с чек-листом, JSON-схемы и настройки редактора (VS Code), которые их используют. Папка должна быть пустой или новой.
cli-init-dir = Папка нового сайта.
cli-init-base-url = Адрес, по которому сайт будет опубликован (base_url в site.yaml); без него адрес можно вписать позже.
cli-schema-about = Записать JSON-схемы файлов содержимого (front matter, site.yaml, все виды файлов данных) — по ним редактор подсказывает при наборе; по файлу на каждый вид.
cli-schema-dir = Куда их записать (по умолчанию schemas/ в папке --root).
cli-new-about = Создать новую страницу по образцу.
cli-new-guide-about = Создать content/ИМЯ.md со всеми разделами, которые нужны памятке (ИМЯ вида esia/privyazka).
cli-new-guide-name = Путь новой памятки внутри content/, без .md.
cli-help-about = Показать эту справку или справку указанной команды.
cli-help-subcommand = Команда, справку которой показать.
cli-error-unknown-argument = неизвестный параметр `{ $arg }`
cli-error-unknown-command = неизвестная команда `{ $command }`
cli-error-invalid-value-of = недопустимое значение `{ $value }` для { $arg }; допустимые значения: { $values }
cli-error-invalid-value = недопустимое значение `{ $value }` для { $arg }
cli-error-missing-value = не указано значение для { $arg }
cli-error-missing-argument = не указаны обязательные аргументы: { $arg }
cli-error-missing-command = не указана команда
cli-error-conflict = { $arg } нельзя указывать вместе с { $other }
cli-error-unexpected-value = лишний аргумент `{ $value }`
cli-error-suggestion = возможно, вы имели в виду `{ $suggestion }`?
cli-error-more = Подробнее: `{ $command } --help`
cli-timing-ms = { $ms } мс
cli-timing-load = чтение
cli-timing-templates = шаблоны
cli-timing-render = страницы
cli-timing-index = поиск
cli-timing-files = файлы и архив
cli-timing-home = главная
cli-timing-commit = запись
cli-timing-cache = кэш сборки
cli-build-done = { $pages ->
        [one] Собрана { NUM($pages) } страница
        [few] Собраны { NUM($pages) } страницы
       *[many] Собрано { NUM($pages) } страниц
    } ({ NUM($files) } { $files ->
        [one] файл
        [few] файла
       *[many] файлов
    })
cli-build-incremental = Заново собраны только страницы, которых коснулись правки: { NUM($rendered) } из { NUM($sources) } (остальные взяты из прошлой сборки; --clean собирает всё).
build-cache-ignored = Кэш прошлой сборки не использован: { $reason ->
        [missing] его нет (например, после сборки более старой версией)
        [corrupt] его файл повреждён
        [other-program] его записала другая версия pamyatka
        [output-changed] в папке сайта нет того, что записала прошлая сборка
       *[other-output] он сделан для другой папки сайта
    }. Все страницы собраны заново.
build-cache-not-saved = Не удалось записать кэш сборки ({ $error }): следующая сборка соберёт все страницы заново.
cli-build-failed = Сборка не удалась: { NUM($errors) } { $errors ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }; прежняя версия сайта осталась как была
cli-check-done = { $pages ->
        [one] Проверена { NUM($pages) } страница
        [few] Проверены { NUM($pages) } страницы
       *[many] Проверено { NUM($pages) } страниц
    }: проблем не найдено
cli-check-done-external = { $pages ->
        [one] Проверена { NUM($pages) } страница
        [few] Проверены { NUM($pages) } страницы
       *[many] Проверено { NUM($pages) } страниц
    } и { NUM($links) } { $links ->
        [one] веб-адрес
        [few] веб-адреса
       *[many] веб-адресов
    } ({ NUM($cached) } из кэша): проблем не найдено
cli-check-failed = Проверка не пройдена: { NUM($problems) } { $problems ->
        [one] проблема
        [few] проблемы
       *[many] проблем
    }
cli-check-failed-errors = Проверка не пройдена: { NUM($errors) } { $errors ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }; ничего не записано (check только читает сайт)
cli-new-created = Создан файл { $file }
cli-new-created-section = Создан файл { $file }: страница нового раздела (на неё ведёт навигация); её заголовок — имя папки: впишите настоящие заголовок и описание
cli-external-checking = Проверяются веб-адреса, на которые ссылаются страницы…
cli-search-correction = Возможно, вы имели в виду: { $query }
cli-deadline-kind-calendar-days = Срок (календарные дни)
cli-deadline-kind-working-days = Срок (рабочие дни)
cli-deadline-kind-hours = Срок (часы)
cli-deadline-kind-annual = Ежегодный срок
cli-deadline-kind-monthly = Раз в месяц
cli-deadline-kind-text = Без даты
cli-deadline-period = период с { $start } по { $end }
cli-deadline-last-working-day = успеть: не позднее { $date }, до 24:00 — последний рабочий день месяца
cli-deadline-nominal = по тексту: не позднее { $date }
cli-deadline-safe = успеть: не позднее { $date }, до 24:00
cli-deadline-safe-last = успеть: не позднее { $date }, до 24:00 — последний рабочий день
cli-deadline-legal = по ст. 193 ГК РФ: срок переносится на { $date }, так как { $nominal } — { $why }
cli-deadline-day-off = нерабочий день
cli-deadline-as-written = по тексту не позднее { $date }, до 24:00
cli-deadline-date = { $date }, до 24:00
cli-deadline-warning = внимание: { $warning }
cli-deadline-years = { $init } и { $last }
cli-deadline-draft = {" "}(по проекту производственного календаря на { $years } { $count ->
        [1] год — проверьте после его утверждения
       *[other] годы — проверьте после их утверждения
    })
cli-deadline-bad-from = --from `{ $from }`: напишите дату в виде ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ
cli-deadline-unreadable = не удаётся прочитать срок «{ $clause }»: { $reason }
cli-deadline-no-period = в «{ $text }» не указан ни срок, ни дата
cli-deadline-no-date = { $kind }: даты нет
cli-deadline-none = по тексту «{ $text }» от { $date } не получается ни одной даты: { $reasons }

## serve: the terminal and the page overlay

serve-cannot-write = не удаётся записать { $file }: { $reason }
serve-serving = Сайт из папки { $dir } открыт по адресу { $address } (остановить — Ctrl+C)
serve-stopped = сервер остановился: { $reason }
serve-root-unreadable = не удаётся открыть папку сайта { $dir }: { $reason }
serve-out-unresolved = не удаётся найти путь { $dir }: { $reason }
serve-cannot-listen = не удаётся занять порт { $port } на 127.0.0.1: { $reason }
serve-cannot-watch-files = не удаётся следить за изменениями файлов: { $reason }
serve-cannot-watch = не удаётся следить за папкой { $dir }: { $reason }
serve-catch-up = Обновляются поисковый индекс, карта сайта и архив для работы без сети
serve-catch-up-stopped = Остановлено через { NUM($ms) } мс: файл изменился; обновление продолжится после следующей паузы
serve-catch-up-done = Поисковый индекс, карта сайта и архив для работы без сети обновлены за { NUM($ms) } мс
serve-rebuilt = Сайт пересобран за { NUM($ms) } мс; страницы обновляются
serve-updated-nothing = Ничего не изменилось ({ NUM($ms) } мс)
serve-updated-one = Обновлена страница { $url } за { NUM($ms) } мс; страницы обновляются
serve-updated-two = Обновлены страницы { $url } и { $other } за { NUM($ms) } мс; страницы обновляются
serve-updated-many = Обновлены страница { $url } и ещё { NUM($more) } { $more ->
        [one] страница
        [few] страницы
       *[many] страниц
    } за { NUM($ms) } мс; страницы обновляются
serve-not-built = Сайт ещё не собран:

    { $error }
serve-not-found = Страница не найдена
serve-http-method = Сервер отвечает только на запросы GET и HEAD
serve-http-body = У запроса GET не бывает тела
serve-http-too-long = Слишком длинный адрес
serve-http-bad-path = Неверный путь
serve-overlay-title = Сборка не удалась — показана последняя удачная версия
serve-overlay-hint = Исправьте ошибку и сохраните файл: страница обновится сама.

## init, schema, check --external

init-not-empty = В папке { $dir } уже есть файлы: `init` создаёт новый сайт только в пустой или новой папке (он никогда не перезаписывает файлы). Выберите другую папку, например: pamyatka init my-site
init-cannot-write = не удаётся записать { $file }: { $reason }
init-done = Новый сайт создан в папке { $dir }
    Дальше: cd { $dir } && pamyatka serve   (сайт откроется по адресу http://127.0.0.1:8000/)
    Откройте папку в VS Code и установите рекомендованное расширение YAML: оно поясняет каждый ключ YAML-файлов прямо при наборе (схемы лежат в schemas/).
init-done-base-url = Когда узнаете адрес, по которому сайт будет опубликован, впишите его в content/site.yaml (строка base_url, сейчас закомментирована) или создайте сайт с параметром --base-url.
schema-written = { $count ->
        [one] Записана { NUM($count) } схема
        [few] Записаны { NUM($count) } схемы
       *[many] Записано { NUM($count) } схем
    } в папку { $dir }: front matter, site.yaml и все виды файлов данных
schema-cannot-write = не удаётся записать схемы в папку { $dir }: { $reason }
new-bad-name = `{ $name }` не подходит для имени памятки: используйте строчные латинские буквы, цифры и `-`, а раздел и страницу разделяйте `/` (например, esia/privyazka)
new-exists = { $file } уже существует; выберите другое имя
external-cache-unwritable = не удаётся записать { $file }: { $reason }
external-redirected = ссылка на { $url } перенаправляется на { $to }
    .label = перенаправление
    .hint = поставьте ссылку на адрес, куда она ведёт: { $to }
external-broken = ссылка на { $url } не работает: { $problem }
    .label = нерабочая ссылка
external-broken-via = ссылка на { $url } не работает (перенаправлена на { $via }): { $problem }
external-status = сервер отвечает { $status }{ $reason }
external-timeout = нет ответа за { $seconds } с (время ожидания истекло)
external-dns = имя сайта не найдено (DNS)
external-refused = сервер отказывает в соединении
external-tls = не удалось установить защищённое соединение (TLS): { $detail }
external-redirects = больше { $max } перенаправлений
external-hint-server-fault = на сайте сбой, возможно временный: запустите проверку позже; если ошибка останется, найдите, где теперь эта страница
external-hint-down = сайт, возможно, временно недоступен: запустите проверку позже; если ошибка останется, найдите, где теперь эта страница
external-hint-gone = откройте адрес в браузере; если страница переехала, поставьте ссылку на её новый адрес; если её больше нет, дайте ссылку на главную страницу сайта или уберите ссылку

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
yaml-bad-date = `{ $value }` — не дата: такого дня нет или дата записана не в виде ГГГГ-ММ-ДД
    .hint = напишите дату в виде ГГГГ-ММ-ДД, например 2025-09-01
yaml-unknown-form-format = неизвестный формат поля `{ $value }`
    .hint = допустимы login, email, same-as:<код поля>, phone-ru, cyrillic и digits
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
content-walk-failed = не удалось прочитать { $path }: { $error }
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
calendar-outside-year = { $key }: дата `{ $date }` не из { $year } года
calendar-extra-day-off-weekend = extra_days_off: `{ $date }` — { $weekday }, это и так выходной
calendar-working-weekend-weekday = working_weekends: `{ $date }` — { $weekday }, а не выходной
calendar-transfer-not-day-off = transfers: выходной, перенесённый на `{ $date }`, не указан в extra_days_off
calendar-transfer-not-holiday = transfers: `{ $date }` переносится по ч. 2 ст. 112 ТК, но это не праздник
calendar-working-weekend-holiday = working_weekends: `{ $date }` указан и как праздник
calendar-wrong-total = working_days_total: по датам получается { NUM($counted) } { $counted ->
        [one] рабочий день
        [few] рабочих дня
       *[many] рабочих дней
    }, а в файле указано `{ $stated }`
weekday = { $n ->
        [1] понедельник
        [2] вторник
        [3] среда
        [4] четверг
        [5] пятница
        [6] суббота
       *[7] воскресенье
    }
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
deadline-parse-empty = срок не указан
deadline-parse-annual = после «ежегодно» ожидается дата, например «не позднее 5 сентября»
deadline-parse-monthly = не понятно, сколько раз в месяц
deadline-parse-zero = срок в 0 дней не имеет смысла
deadline-parse-period = похоже на срок, но его не удалось разобрать: напишите, например, «в течение 5 рабочих дней после получения заявки»
deadline-parse-unknown = непонятный срок: это не период («в течение N дней»), не дата («ежегодно не позднее 5 сентября») и не известная формулировка («постоянно», «в соответствии с …»)
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
rule-file-name-no-extension = `file_name` «{ $name }» без расширения: напишите его так, как в памятке (…docx)
rule-file-name-extension = `file_name` «{ $name }» оканчивается на .{ $ext }, а `match.extensions` разрешает только { $allowed }
rule-file-name-no-word = в `file_name` «{ $name }» нет ни одного слова из `match.words`: { $words }
rule-level-order = `levels` должны идти в порядке simplified, standard, confirmed (от низшего к высшему), а указано: { $found }
rule-required-level-missing = `required_level` `{ $level }` нет среди `levels`
rule-field-twice = поле `{ $id }` указано дважды
rule-same-as-missing = поле `{ $field }`: `same-as:{ $target }` ссылается не на другое поле формы
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

## Images (images/)

image-sidecar-alone = Файл выделений есть, а изображения { $image } рядом нет
    .hint = Файл «имя.png.yaml» описывает выделения на изображении «имя.png» в той же папке. Положите изображение рядом или переименуйте файл так, чтобы имя совпадало (с расширением).
image-unreadable = Не удалось прочитать изображение { $path }: { $detail }
    .hint = Файл повреждён или это не PNG/JPEG, хотя расширение такое. Сохраните изображение заново (например, «Сохранить как… PNG») и соберите сайт снова.
image-heavy = Изображение { $path } весит { $size } и после сжатия (больше { $limit }): на телефоне оно будет долго загружаться
    .hint = Уменьшите его: обрежьте лишнее (для инструкции обычно достаточно окна программы, а не всего экрана) или сохраните в меньшем размере. Фотографии лучше сохранять в JPEG.
image-wide = Изображение { $path } шириной { $width } пикселей (высота { $height }): шире { $limit } пикселей
    .hint = Такие снимки делают на очень больших экранах; читателям нужна только часть. Обрежьте снимок до нужного окна или уменьшите его до 1920 пикселей в ширину.
image-highlight-empty = Выделение { $number } пустое: у него нулевая ширина или высота
    .hint = Координаты — в пикселях исходного изображения ({ $width } × { $height }): x и y — левый верхний угол рамки, w и h — её ширина и высота.
image-highlight-outside = Выделение { $number } выходит за край изображения: его правый край — { $right }, нижний — { $bottom }, а изображение { $width } × { $height }
    .label = эта рамка
    .hint = Координаты — в пикселях исходного изображения ({ $width } × { $height }): x и y — левый верхний угол рамки, w и h — её ширина и высота. Проверьте, что рамка снята с того же изображения и в том же размере.
image-highlight-no-label = У выделения { $number } нет подписи
    .hint = Допишите «label»: что выделено. Подписи выводятся нумерованным списком под изображением — их читают те, кто не видит рисунка, и по ним ищет поиск.
image-unused = Изображение { $path } не используется ни на одной странице
    .hint = Вставьте его в памятку строкой «![что на изображении](/путь/к/файлу.png)» или удалите файл: неиспользуемые изображения увеличивают сайт.
image-name-taken = Изображение { $image } записывается и в размере { $path }, но файл с таким именем уже есть в content/
    .hint = Программа сама делает уменьшенные копии изображений с именами вида «имя-480w.png» и «имя-480w.webp». Переименуйте файл { $path }, чтобы имена не совпадали.
