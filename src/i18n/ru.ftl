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
cli-build-done = { $pages ->
        [one] Собрана { NUM($pages) } страница
        [few] Собраны { NUM($pages) } страницы
       *[many] Собрано { NUM($pages) } страниц
    } ({ NUM($files) } { $files ->
        [one] файл
        [few] файла
       *[many] файлов
    })
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

## Data: regulation tables, roles, calendars, rules, glossary

## Templates, rendering, output, links (check), assets, offline bundle, feeds
