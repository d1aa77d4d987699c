//! The Russian texts of the schemas: what the editor shows beside a key, and examples. Keyed
//! by the Rust type and its serde key; `""` is the type itself, `=value` one of its values.
//! Limits the loader checks after parsing come with the key (`extra`).

use serde_json::{Value, json};

use crate::limits::{DESCRIPTION_MAX, ROW_TEXT_MAX, TITLE_MAX};

pub struct Text {
    pub description: &'static str,
    pub examples: &'static [&'static str],
    /// What the loader checks after parsing, as schema keywords (`maxLength`, `pattern`).
    pub extra: fn() -> Value,
}

fn none() -> Value {
    Value::Null
}

/// A title: not empty or blank, at most [`TITLE_MAX`] characters (`limits.rs`).
fn title() -> Value {
    json!({"minLength": 1, "maxLength": TITLE_MAX, "pattern": r"\S"})
}

fn description() -> Value {
    json!({"maxLength": DESCRIPTION_MAX})
}

fn row_text() -> Value {
    json!({"maxLength": ROW_TEXT_MAX})
}

macro_rules! t {
    ($d:expr) => {
        Text {
            description: $d,
            examples: &[],
            extra: none,
        }
    };
    ($d:expr, [$($e:expr),*]) => {
        Text {
            description: $d,
            examples: &[$($e),*],
            extra: none,
        }
    };
    ($d:expr, [$($e:expr),*], $x:expr) => {
        Text {
            description: $d,
            examples: &[$($e),*],
            extra: $x,
        }
    };
}

/// The title and description of each kind's schema.
pub fn kind(name: &str) -> (&'static str, &'static str) {
    match name {
        "front-matter" => (
            "Шапка страницы",
            "Блок YAML между строками --- в начале файла .md: заголовок, описание, для кого страница, источник.",
        ),
        "site" => (
            "Настройки сайта",
            "content/site.yaml: название сайта, описание и адрес, по которому он опубликован.",
        ),
        "calendar" => (
            "Производственный календарь",
            "content/calendar/<год>.yaml: праздники, переносы выходных и рабочие субботы одного года по постановлению Правительства.",
        ),
        "roles" => (
            "Роли регламента",
            "content/regulations/roles.yaml: кто отвечает за строки регламента. Ключ — код роли латиницей (mouo, operator).",
        ),
        "regulation" => (
            "Таблица регламента",
            "content/regulations/<имя>.yaml: этапы, модули и строки регламента со сроками.",
        ),
        "archive-rule" => (
            "Правило проверки архива",
            "Какие архивы с документами принимаются: форматы, размер, имя файла, обязательные документы.",
        ),
        "readiness-rule" => (
            "Готовность учётной записи ЕСИА",
            "Какие поля профиля на Госуслугах нужны и какой уровень учётной записи требуется.",
        ),
        "registration-form" => (
            "Форма регистрации",
            "Поля формы регистрации в том порядке, в каком их показывает сайт, и как их проверять.",
        ),
        "glossary" => (
            "Словарь сокращений",
            "content/glossary.yaml: сокращения и их расшифровки. На страницах сокращение получает подсказку с расшифровкой.",
        ),
        "search-synonyms" => (
            "Синонимы для поиска",
            "content/search-synonyms.yaml: группы слов, которые находят друг друга в поиске. В группе не меньше двух слов.",
        ),
        _ => ("", ""),
    }
}

/// The text of `prop` of the Rust type `ty` (`""`: the type itself; `=value`: a value).
pub fn text(ty: &str, prop: &str) -> Option<Text> {
    Some(match (ty, prop) {
        // site.yaml
        ("SiteConfig", "title") => t!(
            "Название сайта. Его видно в шапке и во вкладке браузера.",
            ["Памятки: информационные системы образования"],
            title
        ),
        ("SiteConfig", "description") => t!(
            "Одно предложение о сайте: для кого он и чем помогает.",
            ["Понятные пошаговые инструкции для родителей и школ."],
            description
        ),
        ("SiteConfig", "base_url") => t!(
            "Адрес, по которому сайт открывают читатели, без косой черты в конце. Пока адрес неизвестен, ключ можно не писать.",
            ["https://pamyatka.edu22.ru"]
        ),
        ("SiteConfig", "language") => t!("Язык текстов сайта. Обычно ru.", ["ru"]),

        // Front matter
        ("FrontMatter", "title") => t!(
            "Заголовок страницы. Обязателен.",
            ["Как привязать учётную запись ЕСИА к электронному дневнику"],
            title
        ),
        ("FrontMatter", "description") => t!(
            "Одно предложение: кому нужна страница и что она поможет сделать.",
            ["Родителям и ученикам старше 14 лет: как войти в дневник через Госуслуги."],
            description
        ),
        ("FrontMatter", "weight") => Text {
            description: "Порядок в разделе: меньшее число — выше. Если не указать, 0; при равенстве — по заголовку.",
            examples: &[],
            extra: || json!({"examples": [10, 20]}),
        },
        ("FrontMatter", "audience") => t!(
            "Для кого страница: parents, schools, municipalities, operator, experts. Можно несколько."
        ),
        ("FrontMatter", "updated") => t!("Когда страницу проверили или изменили: ГГГГ-ММ-ДД."),
        ("FrontMatter", "source") => {
            t!("Откуда взяты сведения. Обязателен у каждой памятки в разделе (кроме _index.md).")
        }
        ("FrontMatter", "template") => t!(
            "Другой шаблон для страницы из папки templates/. Обычно не нужен.",
            ["search.html"]
        ),
        ("FrontMatter", "draft") => t!("true — черновик: страница не попадает на сайт."),
        ("FrontMatter", "nav") => {
            t!("false — страницы нет в меню сайта (например, страница поиска).")
        }
        ("FrontMatter", "changes") => t!(
            "Что изменилось на странице и когда. Видно в блоке «Что изменилось», на главной и в лентах новостей."
        ),
        ("Change", "") => t!("Одно изменение: дата и одна строка текста."),
        ("Change", "date") => t!("Дата изменения: ГГГГ-ММ-ДД."),
        ("Change", "text") => t!(
            "Что изменилось, одной строкой.",
            ["Добавили шаг о проверке почты."]
        ),
        ("ChangeText", "") => t!("Одна строка без переносов, не длиннее 300 символов."),
        ("Date", "") => t!("Дата в виде ГГГГ-ММ-ДД, год от 1990 до 2100."),
        ("SourceInfo", "") => t!("Исходный документ памятки."),
        ("SourceInfo", "document") => t!(
            "Название исходного документа, как в самом документе.",
            ["Памятка по подтверждению учётной записи ЕСИА"]
        ),
        ("SourceInfo", "organisation") => t!(
            "Кто выпустил документ. Не пишите, если в документе не сказано.",
            ["ЦИТТО"]
        ),
        ("SourceInfo", "region") => t!("Для какого региона документ.", ["Алтайский край"]),
        ("SourceInfo", "url") => t!("Ссылка на документ.", ["https://example.ru/pamyatka.pdf"]),
        ("SourceInfo", "date") => t!("Дата документа: ГГГГ-ММ-ДД."),
        ("SourceInfo", "version") => t!("Версия документа, как он её пишет.", ["1.1"]),
        ("Audience", "") => t!(
            "Для кого: parents — родителям и ученикам, schools — школам, municipalities — муниципалитетам, operator — оператору ГИС, experts — экспертам."
        ),

        // Glossary
        ("GlossaryEntry", "") => t!("Одно сокращение и его расшифровка."),
        ("GlossaryEntry", "abbr") => t!("Сокращение, как оно написано в тексте.", ["ЕСИА"]),
        ("GlossaryEntry", "title") => t!(
            "Полная расшифровка.",
            ["Единая система идентификации и аутентификации"]
        ),
        ("GlossaryEntry", "description") => {
            t!("Пояснение, если сокращение можно понять неправильно. Не обязательно.")
        }

        // Regulation tables and roles
        ("Role", "") => t!("Роль: кто отвечает за строки регламента."),
        ("Role", "name") => t!(
            "Полное название роли.",
            ["Муниципальные органы управления образованием"],
            title
        ),
        ("Role", "short") => t!("Краткое название, как в таблице.", ["МОУО"], title),
        ("Role", "audience") => t!(
            "Какие читатели сайта выступают в этой роли: parents, schools, municipalities, operator, experts."
        ),
        ("Table", "title") => t!("Официальное название таблицы.", [], title),
        ("Table", "document") => t!(
            "Где таблица находится в регламенте.",
            ["Приложение 4 к Регламенту"],
            description
        ),
        ("Table", "region") => t!(
            "Регион, к которому относится регламент.",
            ["Челябинская область"]
        ),
        ("Table", "columns") => t!("Заголовки столбцов, как в официальной таблице."),
        ("Table", "stages") => t!("Этапы по порядку."),
        ("Table", "updated") => t!(
            "Когда таблицу правили в последний раз: ГГГГ-ММ-ДД. По ней календари ролей сообщают приложениям, что события изменились.",
            ["2026-11-23"]
        ),
        ("Columns", "") => t!("Заголовки столбцов таблицы."),
        ("Columns", "number") => t!("Столбец номера.", ["№ п/п"]),
        ("Columns", "action") => t!("Столбец мероприятия.", ["Наименование мероприятия"]),
        ("Columns", "deadline") => t!("Столбец срока.", ["Сроки исполнения"]),
        ("Columns", "responsible") => t!("Столбец ответственных.", ["Ответственные"]),
        ("Columns", "result") => t!("Столбец результата.", ["Результат"]),
        ("Group", "") => t!("Этап или модуль регламента."),
        ("Group", "number") => t!("Официальный номер.", ["1", "2.1"]),
        ("Group", "title") => t!("Официальное название, дословно.", [], title),
        ("Group", "page") => t!(
            "Страница, которая показывает эту часть таблицы, от папки content/.",
            ["gis-obrazovanie/etap-1.md"]
        ),
        ("Group", "numbering_gaps") => t!("Номера строк, которых нет в официальной таблице."),
        ("Group", "rows") => t!("Строки по порядку."),
        ("Group", "modules") => t!("Модули внутри этапа. Не обязательно."),
        ("Row", "") => t!("Строка регламента."),
        ("Row", "number") => t!("Номер, как в таблице.", ["1", "2.1.3"]),
        ("Row", "action") => t!("Наименование мероприятия.", [], row_text),
        ("Row", "items") => t!("Пункты списка внутри мероприятия. Не обязательно."),
        ("Row", "deadline") => t!(
            "Срок исполнения, дословно. Из него считается дата.",
            ["в течение 5 рабочих дней после получения заявки"],
            row_text
        ),
        ("Row", "deadline_rule") => {
            t!("Срок в виде правила, если текст срока читается неверно. Обычно не нужен.")
        }
        ("Row", "responsible") => t!("Коды ответственных ролей из roles.yaml.", ["mouo"]),
        ("Row", "responsible_text") => {
            t!("Текст ячейки «Ответственные» дословно, если кодов ролей мало.")
        }
        ("Row", "result") => t!("Результат.", [], row_text),
        ("Row", "forms") => t!(
            "Приложения регламента, на которые ссылается строка.",
            ["приложение 2"]
        ),
        ("Row", "parts") => t!("Части строки с разными ответственными."),
        ("Row", "note") => t!("Примечание.", [], row_text),
        ("Row", "deadline_note") => t!(
            "Примечание портала к сроку: показывается под сроком как слова портала, не регламента.",
            [],
            row_text
        ),
        ("Part", "") => t!("Часть строки."),
        ("Part", "action") => t!("Мероприятие.", [], row_text),
        ("Part", "responsible") => t!("Коды ответственных ролей."),
        ("Part", "result") => t!("Результат.", [], row_text),
        ("Part", "forms") => t!("Приложения регламента."),
        ("Rule", "") => t!("Правило срока."),
        ("Rule", "=calendar_days") => t!("В течение N календарных дней."),
        ("Rule", "=working_days") => t!("В течение N рабочих дней."),
        ("Rule", "=hours") => t!("В течение N часов."),
        ("Rule", "=annual_by") => t!("Ежегодно не позднее дня и месяца."),
        ("Rule", "=monthly") => t!("N раз в месяц."),
        ("Rule", "=text") => t!("Срок без даты: «постоянно», «по графику»."),
        ("Rule", "kind") => t!("Вид правила."),
        ("Rule", "days") => t!("Сколько дней."),
        ("Rule", "hours") => t!("Сколько часов."),
        ("Rule", "event") => t!("После какого события.", ["после получения заявки"]),
        ("Rule", "day") => t!("День месяца."),
        ("Rule", "month") => t!("Номер месяца, 1–12."),
        ("Rule", "times") => t!("Сколько раз в месяц."),
        ("Rule", "text") => t!("Текст срока.", ["постоянно"]),

        // Production calendar
        ("YearData", "year") => t!("Год. Совпадает с именем файла."),
        ("YearData", "source") => t!("Постановление Правительства о переносе выходных."),
        ("YearData", "status") => t!(
            "in-force — постановление опубликовано официально; draft — проект или публикация не подтверждена: даты по этому году читатель увидит с пометкой.",
            ["in-force"]
        ),
        ("YearData", "note") => t!("Что не точно и почему."),
        ("YearData", "holidays") => t!("Нерабочие праздники по ст. 112 ТК РФ, все."),
        ("YearData", "transfers") => t!("Перенесённые выходные дни."),
        ("YearData", "extra_days_off") => t!("Будние дни, которые стали выходными."),
        ("YearData", "working_weekends") => t!("Субботы и воскресенья, которые стали рабочими."),
        ("YearData", "shortened") => t!("Сокращённые на час рабочие дни."),
        ("YearData", "working_days_total") => {
            t!("Сколько рабочих дней в году. Проверяется при сборке.")
        }
        ("Source", "") => t!("Постановление о переносе выходных."),
        ("Source", "decree") => t!("Номер постановления.", ["1466"]),
        ("Source", "date") => t!("Дата постановления: ГГГГ-ММ-ДД."),
        ("Source", "title") => t!("Полное название постановления."),
        ("Holiday", "") => t!("Праздничный день."),
        ("Holiday", "date") => t!("Дата: ГГГГ-ММ-ДД."),
        ("Holiday", "name") => t!("Название праздника.", ["Новогодние каникулы"]),
        ("Transfer", "") => t!("Перенос выходного дня."),
        ("Transfer", "from") => t!("С какой даты перенесён выходной."),
        ("Transfer", "to") => t!("На какую дату."),
        ("Transfer", "basis") => {
            t!("Основание: decree — постановление, tk-112-2 — ч. 2 ст. 112 ТК РФ.")
        }
        ("Status", "") => t!("Действует ли постановление, по которому составлен календарь."),
        ("Status", "=in-force") => t!("Постановление опубликовано официально."),
        ("Status", "=draft") => t!("Проект, или официальная публикация не подтверждена."),
        ("Basis", "") => t!("Основание переноса."),
        ("Basis", "=decree") => t!("Постановление Правительства (ч. 5 ст. 112 ТК РФ)."),
        ("Basis", "=tk-112-2") => {
            t!("Праздник в выходной переносится на следующий рабочий день (ч. 2 ст. 112 ТК РФ).")
        }
        ("IsoDate", "") => t!("Дата в виде ГГГГ-ММ-ДД."),

        // ЕСИА readiness
        ("ReadinessRule", "source") => t!("Памятка, из которой взято правило."),
        ("ReadinessRule", "required_fields") => {
            t!("Поля профиля на Госуслугах, которые нужно заполнить.")
        }
        ("ReadinessRule", "optional_fields") => t!("Поля, которые памятка просит, но не требует."),
        ("ReadinessRule", "levels") => t!("Уровни учётной записи, от низшего."),
        ("ReadinessRule", "required_level") => t!("Какой уровень нужен."),
        ("ReadinessRule", "linking_required") => {
            t!("true — учётную запись нужно привязать самому.")
        }
        ("ReadinessRule", "who") => t!("Кому нужна своя учётная запись."),
        ("ReadinessRule", "status_text") => t!("Что показывает профиль, когда всё готово."),
        ("ProfileField", "") => t!("Поле профиля на Госуслугах."),
        ("ProfileField", "id") => t!("Код поля латиницей.", ["snils"]),
        ("ProfileField", "label") => t!("Название поля.", ["СНИЛС"]),
        ("ProfileField", "format") => t!("Как проверять значение: text, date, snils, email."),
        ("ProfileFormat", "") => t!("Формат поля: text, date, snils, email."),
        ("ProfileFormat", "=snils") => t!("11 цифр с верным контрольным числом."),
        ("AccountLevel", "") => t!("Уровень учётной записи: simplified, standard, confirmed."),
        ("Level", "") => t!("Уровень учётной записи."),
        ("Level", "id") => t!("Код уровня."),
        ("Level", "name") => t!("Название, как на Госуслугах.", ["Подтверждённая"]),
        ("Level", "requires") => t!("Что нужно сделать, чтобы получить уровень."),
        ("Level", "how") => t!("Как его получить."),
        ("Who", "") => t!("Кому нужна своя учётная запись."),
        ("Who", "parents") => t!("Про родителей."),
        ("Who", "students") => t!("Про учеников."),
        ("Students", "") => t!("С какого возраста ученику нужна своя учётная запись."),
        ("Students", "min_age_years") => t!("Возраст, лет."),
        ("Students", "boundary") => t!("Как считать возраст: reached — со дня рождения."),
        ("Students", "note") => t!("Пояснение."),
        ("AgeBoundary", "") => t!("Как считать возраст."),
        ("AgeBoundary", "=reached") => t!("Со дня, когда исполнилось столько лет."),

        // Registration form
        ("RegistrationForm", "source") => t!("Памятка, из которой взята форма."),
        ("RegistrationForm", "submit") => t!("Надпись на кнопке отправки.", ["Регистрация"]),
        ("RegistrationForm", "cancel") => t!("Надпись на кнопке отмены.", ["Отмена"]),
        ("RegistrationForm", "fields") => t!("Поля формы по порядку."),
        ("FormField", "") => t!("Поле формы."),
        ("FormField", "id") => t!("Код поля латиницей.", ["email"]),
        ("FormField", "label") => t!("Подпись на форме, как на экране.", ["Адрес эл. почты"]),
        ("FormField", "name") => t!(
            "Что это за поле, простыми словами.",
            ["Адрес электронной почты"]
        ),
        ("FormField", "type") => t!("Вид поля: text, email, password, tel, checkbox, captcha."),
        ("FormField", "required") => t!("true — поле обязательно."),
        ("FormField", "format") => t!(
            "Как проверять значение: login, email, same-as:<код поля>, phone-ru, cyrillic, digits."
        ),
        ("FormField", "hint") => t!("Подсказка под полем."),
        ("FieldKind", "") => t!("Вид поля формы."),
        ("FormFormat", "") => t!(
            "Формат: login, email, same-as:<код поля> (равно другому полю), phone-ru (+7 и 10 цифр), cyrillic, digits."
        ),

        // Archive rule
        ("ArchiveRule", "source") => t!("Памятка, из которой взято правило."),
        ("ArchiveRule", "formats") => t!("Разрешённые форматы архива, без точки.", ["zip"]),
        ("ArchiveRule", "one_archive_per_person") => {
            t!("true — все файлы одного человека в одном архиве.")
        }
        ("ArchiveRule", "max_size_mb") => t!("Предельный размер, МБ, как в памятке. Больше нуля."),
        ("ArchiveRule", "max_size_bytes") => t!("Тот же предел в байтах: max_size_mb × 1 048 576."),
        ("ArchiveRule", "warn_above_bytes") => {
            t!("Больше этого размера архив принимается с предупреждением. Меньше max_size_bytes.")
        }
        ("ArchiveRule", "message_max_attachments_bytes") => {
            t!("Предел для всех вложений одного сообщения, байт.")
        }
        ("ArchiveRule", "name") => t!("Как называть архив."),
        ("ArchiveRule", "documents") => t!("Какие документы должны быть в архиве."),
        ("ArchiveRule", "also_upload") => t!("Что ещё отправить вместе с архивами."),
        ("NameRule", "") => t!("Имя архива без расширения."),
        ("NameRule", "pattern") => t!(
            "Шаблон имени, как в памятке.",
            ["Регион_Фамилия_Имя_Отчество"]
        ),
        ("NameRule", "parts") => t!("Части имени по порядку."),
        ("NameRule", "separators") => t!("Какие знаки можно ставить между частями.", ["_"]),
        ("NameRule", "example") => t!("Пример верного имени."),
        ("NameRule", "note") => t!("Как читать шаблон."),
        ("NamePart", "") => t!("Часть имени."),
        ("NamePart", "id") => t!("Код части: region, surname, given-name, patronymic."),
        ("NamePart", "label") => t!("Название части.", ["Фамилия"]),
        ("DocumentRule", "") => t!("Обязательный документ."),
        ("DocumentRule", "id") => t!("Код документа латиницей.", ["passport"]),
        ("DocumentRule", "label") => t!("Название документа для читателя.", ["Паспорт"]),
        ("DocumentRule", "match") => t!("Как узнать файл документа по имени."),
        ("DocumentRule", "file_name") => {
            t!("Точное имя файла из памятки, с расширением. Не обязательно.")
        }
        ("DocumentRule", "note") => t!("Примечание."),
        ("DocumentMatch", "") => t!("Как узнать файл по имени."),
        ("DocumentMatch", "words") => t!("Слова в имени файла. Регистр и ё/е не важны."),
        ("DocumentMatch", "whole_word") => {
            t!("true — слово должно совпасть целиком; false — может быть частью имени.")
        }
        ("DocumentMatch", "extensions") => t!("Разрешённые расширения, без точки.", ["pdf"]),
        _ => return None,
    })
}
