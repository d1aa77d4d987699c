#!/usr/bin/env python3
"""Synthetic Russian corpus for the build benchmarks (issues #9 and #22).

Generates N pages in ~20 sections and lays the same pages out for one of three builders:

    python3 benches/corpus.py --pages 1000 --for pamyatka --out /tmp/c-pamyatka
    python3 benches/corpus.py --pages 1000 --for hugo     --out /tmp/c-hugo
    python3 benches/corpus.py --pages 1000 --for mdbook   --out /tmp/c-mdbook
    python3 benches/corpus.py --pages 1000 --shape memo --template-pages 20 --for hugo --out /tmp/m-hugo

Two shapes of page (`--shape`):
- default (issue #9): front matter, h2/h3 headings, a numbered step list, a task list with
  `{#id}`s, a table with a header row, links to other pages of the corpus (with anchors), a
  fenced code block and paragraphs of Russian prose;
- memo (issue #22): longer sections of prose, checklist items without `{#id}` (pamyatka warns
  about each; the items of a page differ, as their derived ids must), a 40-80-row table of 5-6
  columns, 1-3 code blocks, links to other pages in the prose and at the end, and a `source` on
  every page.

The prose is made from a vocabulary of real words of the domain (школа, пароль, учётная запись,
заявление, срок, организация, …) declined and conjugated by a small paradigm table, so that a
Russian search index sees realistic vocabulary (a few thousand distinct word forms; `--stats`
prints the count). Deterministic: the same --seed, --pages, --shape and --template-pages give
the same bytes (for pamyatka, the glossary is copied from the repository's content/glossary.yaml
unless --no-glossary), and the default shape without --template-pages is what it was before the
memo shape existed.

`--template-pages K`: K pages (evenly spread, chosen by index so the rest of the corpus does not
change) use a template of the corpus's own, with one line more than the page template
(SPECIAL_NOTE, which benches/run.sh edits): pamyatka `templates/special.html` (extends the
built-in page.html) through `template: special.html`, Hugo `layouts/_default/special.html`
through `layout: special`; mdBook has no per-page templates.

Layout per builder:
- pamyatka: content/site.yaml, content/index.md, content/<section>/_index.md and pages;
  links are relative paths to .md files (docs/CONTENT.md), checked by `pamyatka check`.
- hugo: hugo.toml, content/ (same Markdown and front matter), a minimal layout of its own in
  layouts/ (baseof, home, list, single with the section's pages in a step nav (windowed in long
  sections, as pamyatka's), a link render
  hook that resolves the same .md links and fails the build on a missing page), static/style.css.
- mdbook: book.toml, src/SUMMARY.md, src/<section>/index.md and chapters (front matter becomes
  the chapter's `# title` and lead paragraph; same relative .md links).
Pamyatka-only syntax (the `{#id}` of checklist items) is left out for Hugo and mdBook, where it
would be literal text; heading ids `{#id}` are kept (all three support them).

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import shutil
import sys
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Vocabulary: paradigms
# ---------------------------------------------------------------------------------------------

CASES = ("nom", "gen", "dat", "acc", "ins", "pre")
VELAR_SIBILANT = set("гкхжшщч")
SIBILANT_C = set("жшщчц")
HUSHING = set("жшщч")
VOWELS = set("аеёиоуыэюя")


def _spell(stem: str, ending: str) -> str:
    """Russian spelling rules at the stem/ending boundary (unstressed endings assumed)."""
    last = stem[-1:] if stem else ""
    if ending.startswith("ы") and last in VELAR_SIBILANT:
        ending = "и" + ending[1:]
    if ending.startswith("о") and last in SIBILANT_C and ending != "о":
        ending = "е" + ending[1:]
    if last in HUSHING:
        if ending.startswith("я"):
            ending = "а" + ending[1:]
        elif ending.startswith("ю"):
            ending = "у" + ending[1:]
    return stem + ending


# Noun paradigms: (how many letters to cut from the nominative, sg endings, pl endings).
# "ACC" is the accusative that follows animacy; "GENPL" is given per word.
NOUN_PARADIGMS = {
    "m": (0, ("", "а", "у", "ACC", "ом", "е"), ("ы", "ов", "ам", "ACC", "ами", "ах")),
    "m_soft": (1, ("ь", "я", "ю", "ACC", "ем", "е"), ("и", "ей", "ям", "ACC", "ями", "ях")),
    "m_y": (1, ("й", "я", "ю", "ACC", "ем", "е"), ("и", "ев", "ям", "ACC", "ями", "ях")),
    "m_iy": (2, ("ий", "ия", "ию", "ACC", "ием", "ии"), ("ии", "иев", "иям", "ACC", "иями", "иях")),
    "f_a": (1, ("а", "ы", "е", "у", "ой", "е"), ("ы", "GENPL", "ам", "ACC", "ами", "ах")),
    "f_ya": (1, ("я", "и", "е", "ю", "ей", "е"), ("и", "GENPL", "ям", "ACC", "ями", "ях")),
    "f_iya": (2, ("ия", "ии", "ии", "ию", "ией", "ии"), ("ии", "ий", "иям", "ACC", "иями", "иях")),
    "f_soft": (1, ("ь", "и", "и", "ь", "ью", "и"), ("и", "ей", "ям", "ACC", "ями", "ях")),
    "n_o": (1, ("о", "а", "у", "о", "ом", "е"), ("а", "GENPL", "ам", "ACC", "ами", "ах")),
    "n_e": (1, ("е", "я", "ю", "е", "ем", "е"), ("я", "ей", "ям", "ACC", "ями", "ях")),
    "n_ie": (2, ("ие", "ия", "ию", "ие", "ием", "ии"), ("ия", "ий", "иям", "ACC", "иями", "иях")),
}


class Noun:
    def __init__(self, word: str, kind: str, gender: str, genpl: str = "", anim: bool = False,
                 translit: str = "") -> None:
        cut, sg, pl = NOUN_PARADIGMS[kind]
        stem = word[: len(word) - cut] if cut else word
        self.word, self.gender, self.anim, self.translit = word, gender, anim, translit
        self.sg: dict[str, str] = {}
        self.pl: dict[str, str] = {}
        for case, e in zip(CASES, sg):
            if e != "ACC":
                self.sg[case] = word if case == "nom" else _spell(stem, e)
        for case, e in zip(CASES, pl):
            if e == "GENPL":
                self.pl[case] = genpl
            elif e != "ACC":
                if kind == "m" and case == "gen" and stem[-1] in HUSHING:
                    self.pl[case] = stem + "ей"
                else:
                    self.pl[case] = _spell(stem, e)
        if "acc" not in self.sg:
            self.sg["acc"] = self.sg["gen"] if (anim and gender == "m") else self.sg["nom"]
        self.pl["acc"] = self.pl["gen"] if anim else self.pl["nom"]

    def form(self, case: str, plural: bool = False) -> str:
        return (self.pl if plural else self.sg)[case]


# Adjective endings: masculine, feminine, neuter, plural; each in CASES order. "ACC" as above.
ADJ_PARADIGMS = {
    "hard": (("ый", "ого", "ому", "ACC", "ым", "ом"), ("ая", "ой", "ой", "ую", "ой", "ой"),
             ("ое", "ого", "ому", "ое", "ым", "ом"), ("ые", "ых", "ым", "ACC", "ыми", "ых")),
    "hard_stressed": (("ой", "ого", "ому", "ACC", "ым", "ом"), ("ая", "ой", "ой", "ую", "ой", "ой"),
                      ("ое", "ого", "ому", "ое", "ым", "ом"), ("ые", "ых", "ым", "ACC", "ыми", "ых")),
    "velar": (("ий", "ого", "ому", "ACC", "им", "ом"), ("ая", "ой", "ой", "ую", "ой", "ой"),
              ("ое", "ого", "ому", "ое", "им", "ом"), ("ие", "их", "им", "ACC", "ими", "их")),
    "velar_stressed": (("ой", "ого", "ому", "ACC", "им", "ом"), ("ая", "ой", "ой", "ую", "ой", "ой"),
                       ("ое", "ого", "ому", "ое", "им", "ом"), ("ие", "их", "им", "ACC", "ими", "их")),
    "sibilant": (("ий", "его", "ему", "ACC", "им", "ем"), ("ая", "ей", "ей", "ую", "ей", "ей"),
                 ("ее", "его", "ему", "ее", "им", "ем"), ("ие", "их", "им", "ACC", "ими", "их")),
    "soft": (("ий", "его", "ему", "ACC", "им", "ем"), ("яя", "ей", "ей", "юю", "ей", "ей"),
             ("ее", "его", "ему", "ее", "им", "ем"), ("ие", "их", "им", "ACC", "ими", "их")),
}


class Adj:
    def __init__(self, word: str, kind: str) -> None:
        stem = word[:-2]
        self.kind = kind
        self.forms: dict[str, dict[str, str]] = {}
        for key, ends in zip(("m", "f", "n", "pl"), ADJ_PARADIGMS[kind]):
            self.forms[key] = {c: stem + e for c, e in zip(CASES, ends) if e != "ACC"}

    def agree(self, noun: Noun, case: str, plural: bool = False) -> str:
        key = "pl" if plural else noun.gender
        if case == "acc" and key in ("m", "pl"):
            return self.forms[key]["gen" if noun.anim else "nom"]
        return self.forms[key][case]


class Verb:
    """Infinitive, present/future (6 persons), past (m, f, n, pl), imperative (sg, pl),
    and for imperfectives a gerund."""

    def __init__(self, inf: str, kind: str, sg1: str = "", imper: str = "",
                 forms: tuple = (), past: tuple = (), trans: bool = True) -> None:
        self.trans = trans
        if kind == "aj":          # получать: получаю, получаешь … получай, получая
            s = inf[:-2]
            pres = [s + e for e in ("ю", "ешь", "ет", "ем", "ете", "ют")]
            past_ = [s + e for e in ("л", "ла", "ло", "ли")]
            imp, ger = [s + "й", s + "йте"], s + "я"
        elif kind == "ova":       # регистрировать: регистрирую … регистрируй, регистрируя
            s = inf[:-5]
            pres = [s + e for e in ("ую", "уешь", "ует", "уем", "уете", "уют")]
            past_ = [s + e for e in ("овал", "овала", "овало", "овали")]
            imp, ger = [s + "уй", s + "уйте"], s + "уя"
        elif kind == "i2":        # проверить: проверю, проверишь … проверят; проверь
            s = inf[:-3]
            third_pl = "ат" if s[-1] in HUSHING else "ят"
            pres = [sg1] + [s + e for e in ("ишь", "ит", "им", "ите", third_pl)]
            past_ = [s + e for e in ("ил", "ила", "ило", "или")]
            imp, ger = [imper, imper + "те"], ""
        else:                     # explicit forms
            pres = list(forms)
            past_ = list(past)
            # reflexive: обратись → обратитесь
            imp_pl = imper[:-2] + "тесь" if imper.endswith(("сь", "ся")) else imper + "те"
            imp, ger = [imper, imp_pl], ""
        self.inf = inf
        self.pres, self.past, self.imp, self.ger = pres, past_, imp, ger

    def third(self, plural: bool) -> str:
        return self.pres[5 if plural else 2]

    def past_for(self, noun: Noun, plural: bool) -> str:
        if plural:
            return self.past[3]
        return self.past[{"m": 0, "f": 1, "n": 2}[noun.gender]]

    def all_forms(self) -> list[str]:
        out = [self.inf] + self.pres + self.past + self.imp
        return out + ([self.ger] if self.ger else [])


def N(word, kind, gender, genpl="", anim=False, tr=""):
    return Noun(word, kind, gender, genpl, anim, tr)


NOUNS = [
    # masculine, hard
    N("документ", "m", "m", tr="dokument"), N("логин", "m", "m", tr="login"),
    N("отчёт", "m", "m", tr="otchet"), N("срок", "m", "m", tr="srok"),
    N("запрос", "m", "m", tr="zapros"), N("доступ", "m", "m", tr="dostup"),
    N("раздел", "m", "m", tr="razdel"), N("файл", "m", "m", tr="fajl"),
    N("архив", "m", "m", tr="arhiv"), N("адрес", "m", "m", tr="adres"),
    N("телефон", "m", "m", tr="telefon"), N("паспорт", "m", "m", tr="pasport"),
    N("код", "m", "m", tr="kod"), N("ответ", "m", "m", tr="otvet"),
    N("вход", "m", "m", tr="vhod"), N("журнал", "m", "m", tr="zhurnal"),
    N("дневник", "m", "m", tr="dnevnik"), N("регламент", "m", "m", tr="reglament"),
    N("приказ", "m", "m", tr="prikaz"), N("договор", "m", "m", tr="dogovor"),
    N("реквизит", "m", "m", tr="rekvizit"), N("класс", "m", "m", tr="klass"),
    N("урок", "m", "m", tr="urok"), N("предмет", "m", "m", tr="predmet"),
    N("экзамен", "m", "m", tr="ekzamen"), N("результат", "m", "m", tr="rezultat"),
    N("протокол", "m", "m", tr="protokol"), N("сертификат", "m", "m", tr="sertifikat"),
    N("реестр", "m", "m", tr="reestr"), N("кабинет", "m", "m", tr="kabinet"),
    N("портал", "m", "m", tr="portal"), N("сайт", "m", "m", tr="sajt"),
    N("браузер", "m", "m", tr="brauzer"), N("компьютер", "m", "m", tr="kompyuter"),
    N("сервер", "m", "m", tr="server"), N("шаблон", "m", "m", tr="shablon"),
    N("бланк", "m", "m", tr="blank"), N("статус", "m", "m", tr="status"),
    N("этап", "m", "m", tr="etap"), N("период", "m", "m", tr="period"),
    N("месяц", "m", "m", tr="mesyac"), N("вопрос", "m", "m", tr="vopros"),
    N("контингент", "m", "m", tr="kontingent"), N("каталог", "m", "m", tr="katalog"),
    N("справочник", "m", "m", tr="spravochnik"), N("идентификатор", "m", "m", tr="identifikator"),
    N("пакет", "m", "m", tr="paket"), N("комплект", "m", "m", tr="komplekt"),
    N("вариант", "m", "m", tr="variant"), N("запуск", "m", "m", tr="zapusk"),
    N("сбой", "m_y", "m", tr="sboj"), N("случай", "m_y", "m", tr="sluchaj"),
    N("объект", "m", "m", tr="obekt"), N("показатель", "m_soft", "m", tr="pokazatel"),
    N("формат", "m", "m", tr="format"), N("размер", "m", "m", tr="razmer"),
    N("график", "m", "m", tr="grafik"), N("тест", "m", "m", tr="test"),
    N("балл", "m", "m", tr="ball"), N("интернет", "m", "m", tr="internet"),
    N("перевод", "m", "m", tr="perevod"), N("муниципалитет", "m", "m", tr="municipalitet"),
    N("регион", "m", "m", tr="region"), N("пункт", "m", "m", tr="punkt"),
    N("абзац", "m", "m", tr="abzac"), N("выпускник", "m", "m", anim=True, tr="vypusknik"),
    # masculine, soft; animate
    N("пароль", "m_soft", "m", tr="parol"), N("модуль", "m_soft", "m", tr="modul"),
    N("профиль", "m_soft", "m", tr="profil"), N("носитель", "m_soft", "m", tr="nositel"),
    N("пользователь", "m_soft", "m", anim=True, tr="polzovatel"),
    N("родитель", "m_soft", "m", anim=True, tr="roditel"),
    N("воспитатель", "m_soft", "m", anim=True, tr="vospitatel"),
    N("руководитель", "m_soft", "m", anim=True, tr="rukovoditel"),
    N("представитель", "m_soft", "m", anim=True, tr="predstavitel"),
    N("заявитель", "m_soft", "m", anim=True, tr="zayavitel"),
    N("оператор", "m", "m", anim=True, tr="operator"), N("эксперт", "m", "m", anim=True, tr="ekspert"),
    N("специалист", "m", "m", anim=True, tr="specialist"), N("ученик", "m", "m", anim=True, tr="uchenik"),
    N("администратор", "m", "m", anim=True, tr="administrator"),
    N("сотрудник", "m", "m", anim=True, tr="sotrudnik"), N("педагог", "m", "m", anim=True, tr="pedagog"),
    N("комментарий", "m_iy", "m", tr="kommentarij"), N("критерий", "m_iy", "m", tr="kriterij"),
    N("сценарий", "m_iy", "m", tr="scenarij"),
    # feminine
    N("школа", "f_a", "f", "школ", tr="shkola"), N("заявка", "f_a", "f", "заявок", tr="zayavka"),
    N("почта", "f_a", "f", "почт", tr="pochta"), N("форма", "f_a", "f", "форм", tr="forma"),
    N("система", "f_a", "f", "систем", tr="sistema"), N("программа", "f_a", "f", "программ", tr="programma"),
    N("ссылка", "f_a", "f", "ссылок", tr="ssylka"), N("кнопка", "f_a", "f", "кнопок", tr="knopka"),
    N("строка", "f_a", "f", "строк", tr="stroka"), N("таблица", "f_a", "f", "таблиц", tr="tablica"),
    N("страница", "f_a", "f", "страниц", tr="stranica"), N("справка", "f_a", "f", "справок", tr="spravka"),
    N("группа", "f_a", "f", "групп", tr="gruppa"), N("проверка", "f_a", "f", "проверок", tr="proverka"),
    N("оценка", "f_a", "f", "оценок", tr="ocenka"), N("работа", "f_a", "f", "работ", tr="rabota"),
    N("задача", "f_a", "f", "задач", tr="zadacha"), N("папка", "f_a", "f", "папок", tr="papka"),
    N("карточка", "f_a", "f", "карточек", tr="kartochka"), N("выписка", "f_a", "f", "выписок", tr="vypiska"),
    N("услуга", "f_a", "f", "услуг", tr="usluga"), N("ошибка", "f_a", "f", "ошибок", tr="oshibka"),
    N("памятка", "f_a", "f", "памяток", tr="pamyatka"), N("площадка", "f_a", "f", "площадок", tr="ploshchadka"),
    N("вкладка", "f_a", "f", "вкладок", tr="vkladka"), N("дата", "f_a", "f", "дат", tr="data"),
    N("отметка", "f_a", "f", "отметок", tr="otmetka"), N("анкета", "f_a", "f", "анкет", tr="anketa"),
    N("процедура", "f_a", "f", "процедур", tr="procedura"), N("дисциплина", "f_a", "f", "дисциплин", tr="disciplina"),
    N("фамилия", "f_iya", "f", tr="familiya"), N("копия", "f_iya", "f", tr="kopiya"),
    N("организация", "f_iya", "f", tr="organizaciya"), N("инструкция", "f_iya", "f", tr="instrukciya"),
    N("регистрация", "f_iya", "f", tr="registraciya"), N("информация", "f_iya", "f", tr="informaciya"),
    N("комиссия", "f_iya", "f", tr="komissiya"), N("категория", "f_iya", "f", tr="kategoriya"),
    N("версия", "f_iya", "f", tr="versiya"), N("операция", "f_iya", "f", tr="operaciya"),
    N("аттестация", "f_iya", "f", tr="attestaciya"), N("консультация", "f_iya", "f", tr="konsultaciya"),
    N("позиция", "f_iya", "f", tr="poziciya"), N("квалификация", "f_iya", "f", tr="kvalifikaciya"),
    N("неделя", "f_ya", "f", "недель", tr="nedelya"), N("линия", "f_iya", "f", tr="liniya"),
    N("запись", "f_soft", "f", tr="zapis"), N("подпись", "f_soft", "f", tr="podpis"),
    N("область", "f_soft", "f", tr="oblast"), N("должность", "f_soft", "f", tr="dolzhnost"),
    N("возможность", "f_soft", "f", tr="vozmozhnost"), N("очередь", "f_soft", "f", tr="ochered"),
    N("доверенность", "f_soft", "f", tr="doverennost"), N("отчётность", "f_soft", "f", tr="otchetnost"),
    N("новость", "f_soft", "f", tr="novost"), N("ведомость", "f_soft", "f", tr="vedomost"),
    # neuter
    N("письмо", "n_o", "n", "писем", tr="pismo"), N("окно", "n_o", "n", "окон", tr="okno"),
    N("место", "n_o", "n", "мест", tr="mesto"), N("право", "n_o", "n", "прав", tr="pravo"),
    N("число", "n_o", "n", "чисел", tr="chislo"), N("свидетельство", "n_o", "n", "свидетельств", tr="svidetelstvo"),
    N("поле", "n_e", "n", tr="pole"), N("лицо", "n_o", "n", "лиц", tr="lico"),
    N("заявление", "n_ie", "n", tr="zayavlenie"), N("уведомление", "n_ie", "n", tr="uvedomlenie"),
    N("приложение", "n_ie", "n", tr="prilozhenie"), N("обращение", "n_ie", "n", tr="obrashchenie"),
    N("подтверждение", "n_ie", "n", tr="podtverzhdenie"), N("сообщение", "n_ie", "n", tr="soobshchenie"),
    N("учреждение", "n_ie", "n", tr="uchrezhdenie"), N("образование", "n_ie", "n", tr="obrazovanie"),
    N("расписание", "n_ie", "n", tr="raspisanie"), N("зачисление", "n_ie", "n", tr="zachislenie"),
    N("изменение", "n_ie", "n", tr="izmenenie"), N("решение", "n_ie", "n", tr="reshenie"),
    N("положение", "n_ie", "n", tr="polozhenie"), N("соглашение", "n_ie", "n", tr="soglashenie"),
    N("поручение", "n_ie", "n", tr="poruchenie"), N("удостоверение", "n_ie", "n", tr="udostoverenie"),
    N("управление", "n_ie", "n", tr="upravlenie"), N("подключение", "n_ie", "n", tr="podklyuchenie"),
    N("восстановление", "n_ie", "n", tr="vosstanovlenie"), N("назначение", "n_ie", "n", tr="naznachenie"),
    N("заполнение", "n_ie", "n", tr="zapolnenie"), N("действие", "n_ie", "n", tr="dejstvie"),
    N("значение", "n_ie", "n", tr="znachenie"), N("обновление", "n_ie", "n", tr="obnovlenie"),
    N("требование", "n_ie", "n", tr="trebovanie"), N("задание", "n_ie", "n", tr="zadanie"),
    N("занятие", "n_ie", "n", tr="zanyatie"), N("мероприятие", "n_ie", "n", tr="meropriyatie"),
    N("оборудование", "n_ie", "n", tr="oborudovanie"), N("собрание", "n_ie", "n", tr="sobranie"),
]

ADJECTIVES = [Adj(w, k) for w, k in [
    ("электронный", "hard"), ("учебный", "hard"), ("личный", "hard"), ("новый", "hard"),
    ("полный", "hard"), ("единый", "hard"), ("основной", "hard_stressed"), ("обязательный", "hard"),
    ("муниципальный", "hard"), ("региональный", "hard"), ("федеральный", "hard"),
    ("образовательный", "hard"), ("общеобразовательный", "hard"), ("дошкольный", "hard"),
    ("профессиональный", "hard"), ("государственный", "hard"), ("информационный", "hard"),
    ("подтверждённый", "hard"), ("стандартный", "hard"), ("упрощённый", "hard"),
    ("заполненный", "hard"), ("утверждённый", "hard"), ("отдельный", "hard"), ("временный", "hard"),
    ("контрольный", "hard"), ("итоговый", "hard"), ("годовой", "hard_stressed"),
    ("сетевой", "hard_stressed"), ("почтовый", "hard"), ("срочный", "hard"), ("повторный", "hard"),
    ("технический", "velar"), ("педагогический", "velar"), ("методический", "velar"),
    ("юридический", "velar"), ("медицинский", "velar"), ("сельский", "velar"),
    ("городской", "velar_stressed"), ("краткий", "velar"), ("строгий", "velar"),
    ("действующий", "sibilant"), ("следующий", "sibilant"), ("общий", "sibilant"),
    ("рабочий", "sibilant"), ("текущий", "sibilant"), ("ответственный", "hard"),
    ("последний", "soft"), ("весенний", "soft"), ("осенний", "soft"), ("летний", "soft"),
    ("правильный", "hard"), ("актуальный", "hard"), ("доступный", "hard"), ("нужный", "hard"),
    ("защищённый", "hard"), ("удобный", "hard"), ("письменный", "hard"), ("архивный", "hard"),
]]


def V(inf, kind, sg1="", imper="", forms=(), past=(), trans=True):
    return Verb(inf, kind, sg1, imper, forms, past, trans)


VERBS = [
    # imperfective, 1st conjugation
    V("получать", "aj"), V("заполнять", "aj"), V("отправлять", "aj"), V("проверять", "aj"),
    V("нажимать", "aj"), V("выбирать", "aj"), V("указывать", "aj"), V("загружать", "aj"),
    V("сохранять", "aj"), V("подтверждать", "aj"), V("открывать", "aj"), V("закрывать", "aj"),
    V("изменять", "aj"), V("обновлять", "aj"), V("выполнять", "aj"), V("направлять", "aj"),
    V("рассматривать", "aj"), V("оформлять", "aj"), V("принимать", "aj"), V("подключать", "aj"),
    V("восстанавливать", "aj"), V("соблюдать", "aj"), V("уведомлять", "aj"), V("прикреплять", "aj"),
    V("размещать", "aj"), V("читать", "aj"), V("согласовывать", "aj"), V("заменять", "aj"),
    V("удалять", "aj"), V("вносить", "i2", "вношу", "вноси"),
    V("регистрировать", "ova"), V("формировать", "ova"), V("использовать", "ova"),
    V("редактировать", "ova"), V("копировать", "ova"), V("импортировать", "ova"),
    V("экспортировать", "ova"), V("контролировать", "ova"), V("планировать", "ova"),
    V("публиковать", "ova"), V("архивировать", "ova"), V("сканировать", "ova"),
    # perfective, 2nd conjugation
    V("проверить", "i2", "проверю", "проверь"), V("отправить", "i2", "отправлю", "отправь"),
    V("заполнить", "i2", "заполню", "заполни"), V("подтвердить", "i2", "подтвержу", "подтверди"),
    V("получить", "i2", "получу", "получи"), V("сохранить", "i2", "сохраню", "сохрани"),
    V("изменить", "i2", "изменю", "измени"), V("установить", "i2", "установлю", "установи"),
    V("обновить", "i2", "обновлю", "обнови"), V("оформить", "i2", "оформлю", "оформи"),
    V("направить", "i2", "направлю", "направь"), V("приложить", "i2", "приложу", "приложи"),
    V("выполнить", "i2", "выполню", "выполни"), V("хранить", "i2", "храню", "храни"),
    V("заменить", "i2", "заменю", "замени"), V("подключить", "i2", "подключу", "подключи"),
    V("уведомить", "i2", "уведомлю", "уведоми"), V("определить", "i2", "определю", "определи"),
    V("разместить", "i2", "размещу", "размести"), V("прикрепить", "i2", "прикреплю", "прикрепи"),
    V("удалить", "i2", "удалю", "удали"), V("сообщить", "i2", "сообщу", "сообщи"),
    V("загрузить", "i2", "загружу", "загрузи"), V("внести", "x", imper="внеси",
      forms=("внесу", "внесёшь", "внесёт", "внесём", "внесёте", "внесут"),
      past=("внёс", "внесла", "внесло", "внесли")),
    # perfective, irregular
    V("указать", "x", imper="укажи", forms=("укажу", "укажешь", "укажет", "укажем", "укажете", "укажут"),
      past=("указал", "указала", "указало", "указали")),
    V("нажать", "x", imper="нажми", forms=("нажму", "нажмёшь", "нажмёт", "нажмём", "нажмёте", "нажмут"),
      past=("нажал", "нажала", "нажало", "нажали")),
    V("выбрать", "x", imper="выбери", forms=("выберу", "выберешь", "выберет", "выберем", "выберете", "выберут"),
      past=("выбрал", "выбрала", "выбрало", "выбрали")),
    V("подать", "x", imper="подай", forms=("подам", "подашь", "подаст", "подадим", "подадите", "подадут"),
      past=("подал", "подала", "подало", "подали")),
    V("передать", "x", imper="передай", forms=("передам", "передашь", "передаст", "передадим", "передадите", "передадут"),
      past=("передал", "передала", "передало", "передали")),
    V("создать", "x", imper="создай", forms=("создам", "создашь", "создаст", "создадим", "создадите", "создадут"),
      past=("создал", "создала", "создало", "создали")),
    V("ввести", "x", imper="введи", forms=("введу", "введёшь", "введёт", "введём", "введёте", "введут"),
      past=("ввёл", "ввела", "ввело", "ввели")),
    V("открыть", "x", imper="открой", forms=("открою", "откроешь", "откроет", "откроем", "откроете", "откроют"),
      past=("открыл", "открыла", "открыло", "открыли")),
    V("закрыть", "x", imper="закрой", forms=("закрою", "закроешь", "закроет", "закроем", "закроете", "закроют"),
      past=("закрыл", "закрыла", "закрыло", "закрыли")),
    V("найти", "x", imper="найди", forms=("найду", "найдёшь", "найдёт", "найдём", "найдёте", "найдут"),
      past=("нашёл", "нашла", "нашло", "нашли")),
    V("прочесть", "x", imper="прочти", forms=("прочту", "прочтёшь", "прочтёт", "прочтём", "прочтёте", "прочтут"),
      past=("прочёл", "прочла", "прочло", "прочли")),
    V("скачать", "x", imper="скачай", forms=("скачаю", "скачаешь", "скачает", "скачаем", "скачаете", "скачают"),
      past=("скачал", "скачала", "скачало", "скачали")),
    V("дождаться", "x", imper="дождись", forms=("дождусь", "дождёшься", "дождётся", "дождёмся", "дождётесь", "дождутся"),
      past=("дождался", "дождалась", "дождалось", "дождались"), trans=False),
    # intransitive, reflexive
    V("зарегистрироваться", "x", imper="зарегистрируйся",
      forms=("зарегистрируюсь", "зарегистрируешься", "зарегистрируется", "зарегистрируемся",
             "зарегистрируетесь", "зарегистрируются"),
      past=("зарегистрировался", "зарегистрировалась", "зарегистрировалось", "зарегистрировались"),
      trans=False),
    V("обратиться", "x", imper="обратись",
      forms=("обращусь", "обратишься", "обратится", "обратимся", "обратитесь", "обратятся"),
      past=("обратился", "обратилась", "обратилось", "обратились"), trans=False),
    V("подключиться", "x", imper="подключись",
      forms=("подключусь", "подключишься", "подключится", "подключимся", "подключитесь", "подключатся"),
      past=("подключился", "подключилась", "подключилось", "подключились"), trans=False),
    V("войти", "x", imper="войди", forms=("войду", "войдёшь", "войдёт", "войдём", "войдёте", "войдут"),
      past=("вошёл", "вошла", "вошло", "вошли"), trans=False),
    V("авторизоваться", "x", imper="авторизуйся",
      forms=("авторизуюсь", "авторизуешься", "авторизуется", "авторизуемся", "авторизуетесь", "авторизуются"),
      past=("авторизовался", "авторизовалась", "авторизовалось", "авторизовались"), trans=False),
    V("дозвониться", "x", imper="дозвонись",
      forms=("дозвонюсь", "дозвонишься", "дозвонится", "дозвонимся", "дозвонитесь", "дозвонятся"),
      past=("дозвонился", "дозвонилась", "дозвонилось", "дозвонились"), trans=False),
]
TRANSITIVE = [v for v in VERBS if v.trans]
INTRANSITIVE = [v for v in VERBS if not v.trans]

ABBREVIATIONS = ["ЕСИА", "ЕПГУ", "МФЦ", "ГИА", "ОГЭ", "ЕГЭ", "ФИОКО", "ВПР", "СПО", "РЕГИСО", "ЭДО",
                 "СНИЛС", "ИНН", "ГИС", "АИС", "ОО", "МОУО", "ДОО", "ЭЦП"]
ADVERBS = ["заранее", "вовремя", "сразу", "обязательно", "внимательно", "повторно", "отдельно",
           "ежедневно", "ежемесячно", "самостоятельно", "автоматически", "вручную", "письменно",
           "дистанционно", "своевременно", "ещё раз", "как правило", "при необходимости",
           "в течение дня", "до конца месяца", "в рабочее время", "не позднее пятницы"]
ROLES = ["Оператор", "Родитель", "ОО", "МОУО", "Эксперт", "Руководитель ОО", "Администратор",
         "Учитель", "Специалист МФЦ", "Заявитель"]
AUDIENCES = ["parents", "schools", "municipalities", "operator", "experts"]
AUDIENCE_RU = {"parents": "Родителям", "schools": "Школам", "municipalities": "Муниципалитетам",
               "operator": "Оператору", "experts": "Экспертам"}
ORGANISATIONS = ["ЦИТТО", "Министерство образования", "Региональный центр обработки информации",
                 "ФИОКО", "Управление образования", "Институт развития образования"]
DAY_FORMS = {"рабочий": ("рабочий день", "рабочих дня", "рабочих дней"),
             "календарный": ("календарный день", "календарных дня", "календарных дней")}

SECTIONS = [
    ("esia", "Учётные записи ЕСИА"), ("elektronnyj-dnevnik", "Электронный журнал и дневник"),
    ("zachislenie-v-shkolu", "Зачисление в школу"), ("detskij-sad", "Зачисление в детский сад"),
    ("gia", "Государственная итоговая аттестация"), ("vpr", "Всероссийские проверочные работы"),
    ("kontingent", "Контингент обучающихся"), ("raspisanie", "Расписание и учебный план"),
    ("dokumentooborot", "Электронный документооборот"), ("fioko", "Документы для ФИОКО"),
    ("otchetnost", "Отчётность организаций"), ("kadry", "Кадры и должности"),
    ("dopolnitelnoe", "Дополнительное образование"), ("spo", "Профессиональное образование"),
    ("pitanie", "Школьное питание"), ("bezopasnost", "Информационная безопасность"),
    ("podklyuchenie", "Подключение организаций"), ("mfc", "МФЦ и Госуслуги"),
    ("attestaciya", "Аттестация педагогов"), ("olimpiady", "Олимпиады и конкурсы"),
]

# Heading ids every page has (links between pages point at them).
ANCHORS = ["chto-podgotovit", "poryadok", "shag-1", "shag-2", "shag-3", "sroki", "primer", "oshibki"]


def vocabulary() -> set[str]:
    words: set[str] = set()
    for n in NOUNS:
        words.update(n.sg.values())
        words.update(n.pl.values())
    for a in ADJECTIVES:
        for forms in a.forms.values():
            words.update(forms.values())
    for v in VERBS:
        words.update(v.all_forms())
    return words


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------

def plural_ru(k: int, forms: tuple[str, str, str]) -> str:
    if k % 10 == 1 and k % 100 != 11:
        return forms[0]
    if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
        return forms[1]
    return forms[2]


def prep(p: str, word: str) -> str:
    """A preposition in its euphonic form before `word`."""
    w = word.lower()
    if p == "о" and w[:1] in "аоуэи":
        return "об " + word
    if p == "в" and len(w) > 1 and w[0] in "вф" and w[1] not in VOWELS:
        return "во " + word
    if p == "с" and len(w) > 1 and w[0] in "сзшж" and w[1] not in VOWELS:
        return "со " + word
    if p == "к" and len(w) > 1 and w[0] in "кг" and w[1] not in VOWELS:
        return "ко " + word
    return p + " " + word


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def noun(self) -> Noun:
        return self.r.choice(NOUNS)

    def inanimate(self) -> Noun:
        while True:
            n = self.r.choice(NOUNS)
            if not n.anim:
                return n

    def animate(self) -> Noun:
        while True:
            n = self.r.choice(NOUNS)
            if n.anim:
                return n

    def np(self, case: str, plural: bool = False, noun: Noun | None = None, adj_p: float = 0.5) -> str:
        """A noun phrase, maybe with an agreeing adjective, maybe with a genitive attribute."""
        n = noun or self.noun()
        out = n.form(case, plural)
        if self.r.random() < adj_p:
            out = self.r.choice(ADJECTIVES).agree(n, case, plural) + " " + out
        if self.r.random() < 0.3:
            g = self.inanimate()
            out += " " + g.form("gen", self.r.random() < 0.3)
        return out

    def days(self) -> str:
        k = self.r.choice([1, 2, 3, 5, 7, 10, 14, 15, 20, 21, 30, 45])
        kind = self.r.choice(list(DAY_FORMS))
        return f"{k} {plural_ru(k, DAY_FORMS[kind])}"

    def sentence(self) -> str:
        r = self.r
        t = r.randrange(14)
        if t == 0:
            subj = self.noun()
            pl = r.random() < 0.4
            v = r.choice(TRANSITIVE)
            s = (f"{self.np('nom', pl, subj)} {v.third(pl)} {self.np('acc', r.random() < 0.3)} "
                 f"{prep('в', self.np('pre', False, self.inanimate(), 0.3))}")
        elif t == 1:
            v1, v2 = r.choice(TRANSITIVE), r.choice(TRANSITIVE)
            s = (f"{v1.imp[1]} {self.np('acc')} {self.inanimate().form('gen')} и {v2.imp[1]} "
                 f"{self.np('acc', r.random() < 0.3)}")
        elif t == 2:
            subj = self.noun()
            v1, v2 = r.choice(TRANSITIVE), r.choice(TRANSITIVE)
            s = (f"если {subj.form('nom')} не {v1.third(False)} {self.np('acc')}, {v2.imp[1]} "
                 f"{self.np('acc')} через {self.np('acc', False, self.inanimate(), 0.2)}")
        elif t == 3:
            s = f"срок {self.np('gen')} — {self.days()} {prep('с', self.inanimate().form('gen'))}"
        elif t == 4:
            n3 = self.inanimate()
            need = {"m": "нужен", "f": "нужна", "n": "нужно"}[n3.gender]
            s = (f"для {self.np('gen')} {need} {r.choice(ADJECTIVES).agree(n3, 'nom')} "
                 f"{n3.form('nom')} {self.inanimate().form('gen')}")
        elif t == 5:
            v = r.choice(TRANSITIVE)
            s = (f"после {self.np('gen', False, self.inanimate())} {self.np('nom', True, self.animate())} "
                 f"{v.third(True)} {self.np('acc')} {r.choice(ADVERBS)}")
        elif t == 6:
            subj = self.animate()
            pl = r.random() < 0.3
            v = r.choice(TRANSITIVE)
            s = (f"{self.np('nom', pl, subj, 0.3)} {v.past_for(subj, pl)} {self.np('acc')} "
                 f"{self.inanimate().form('gen', r.random() < 0.4)}")
        elif t == 7:
            v1, v2 = r.choice(TRANSITIVE), r.choice(TRANSITIVE)
            s = (f"{v1.imp[1]} {self.np('acc')}, чтобы {v2.inf} {self.np('acc')} по "
                 f"{self.np('dat', False, self.inanimate(), 0.3)}")
        elif t == 8:
            v = r.choice(TRANSITIVE)
            s = (f"{prep('в', self.np('pre', False, self.inanimate(), 0.2))} {r.choice(ABBREVIATIONS)} можно "
                 f"{v.inf} {self.np('acc')} {prep('с', self.np('ins', r.random() < 0.4))}")
        elif t == 9:
            v = r.choice([x for x in TRANSITIVE if x.ger])
            v2 = r.choice(TRANSITIVE)
            s = f"{v.ger} {self.np('acc')}, {v2.imp[1]} {self.np('acc')} {r.choice(ADVERBS)}"
        elif t == 10:
            v = r.choice(INTRANSITIVE)
            s = (f"{v.imp[1]} {prep('в', self.np('acc', False, self.inanimate(), 0.3))} "
                 f"{r.choice(ADVERBS)}, если {self.np('nom')} {r.choice(TRANSITIVE).third(False)} "
                 f"{self.np('acc')}")
        elif t == 11:
            n = self.inanimate()
            s = (f"{prep('о', self.np('pre', False, n))} {self.np('gen')} {r.choice(ABBREVIATIONS)} "
                 f"{r.choice(TRANSITIVE).third(False)} {self.np('nom', False, self.animate(), 0.4)}")
        elif t == 12:
            s = (f"{self.np('nom', True, self.animate(), 0.6)} {r.choice(TRANSITIVE).third(True)} "
                 f"{self.np('acc', True)} {prep('к', self.np('dat', False, self.inanimate(), 0.2))} "
                 f"без {self.np('gen', r.random() < 0.5)}")
        else:
            subj = self.animate()
            s = (f"{self.np('nom', False, subj, 0.2)} {r.choice(INTRANSITIVE).third(False)} "
                 f"{prep('в', self.np('acc', False, self.inanimate(), 0.3))} {r.choice(ADVERBS)}")
        return cap(s) + "."

    def paragraph(self, lo: int = 3, hi: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def step_item(self) -> str:
        v = self.r.choice(TRANSITIVE)
        tail = self.r.choice(["", f" {prep('в', self.np('pre', False, self.inanimate(), 0.2))}",
                              f" {prep('на', self.np('pre', False, self.inanimate(), 0.2))}",
                              f" {prep('с', self.np('ins'))}", f" {self.r.choice(ADVERBS)}"])
        return cap(f"{v.imp[1]} {self.np('acc')}{tail}") + "."

    def checklist_item(self) -> str:
        n = self.inanimate()
        return cap(self.np("nom", False, n, 0.6)) + (f" ({self.inanimate().form('gen')})" if self.r.random() < 0.3 else "")

    def title(self) -> tuple[str, Noun]:
        v = self.r.choice(TRANSITIVE)
        n = self.inanimate()
        a = self.r.choice(ADJECTIVES)
        tail = self.r.choice([f" {self.inanimate().form('gen')}", f" {prep('в', self.inanimate().form('pre'))}",
                              f" {prep('для', self.inanimate().form('gen'))}", ""])
        return f"Как {v.inf} {a.agree(n, 'acc')} {n.form('acc')}{tail}", n


# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------

class Page:
    def __init__(self, index: int, section: str, slug: str, title: str, weight: int) -> None:
        self.index, self.section, self.slug, self.title, self.weight = index, section, slug, title, weight
        self.fm: dict = {}
        self.body_parts: list = []  # strings, ("task", text, id or None) or ("link", target_page, anchor, text)
        self.special = False        # rendered with the corpus's own template (--template-pages)


SHAPES = ("default", "memo")


def special_indices(pages: int, k: int) -> set[int]:
    """The `k` pages (evenly spread, the first included) that use the corpus's own template;
    chosen by index, not by the random generator, so that the rest of the corpus is the same
    whatever `k` is."""
    k = min(k, pages)
    return {i * pages // k for i in range(k)} if k > 0 else set()


def build_corpus(pages: int, seed: int, sections: int, shape: str = "default", template_pages: int = 0):
    rng = random.Random(seed)
    w = Writer(rng)
    secs = SECTIONS[:sections]
    plist: list[Page] = []
    per_section: dict[str, int] = {s: 0 for s, _ in secs}
    for i in range(pages):
        sec = secs[i % len(secs)][0]
        per_section[sec] += 1
        title, noun = w.title()
        slug = f"{noun.translit}-{i + 1:05d}"
        plist.append(Page(i, sec, slug, title, per_section[sec] * 10))
    for i in special_indices(pages, template_pages):
        plist[i].special = True
    body = memo_body if shape == "memo" else page_body
    start = datetime.date(2024, 1, 1)
    for p in plist:
        aud = sorted(rng.sample(AUDIENCES, rng.randint(1, 2)), key=AUDIENCES.index)
        desc = (f"{' и '.join(AUDIENCE_RU[a] if k == 0 else AUDIENCE_RU[a].lower() for k, a in enumerate(aud))}: "
                f"как {rng.choice(TRANSITIVE).inf} {w.np('acc', False, w.inanimate(), 0.4)} и "
                f"{rng.choice(TRANSITIVE).inf} {w.np('acc', False, w.inanimate(), 0.4)}.")
        p.fm = {
            "title": p.title,
            "description": desc,
            "weight": p.weight,
            "audience": aud,
            "updated": (start + datetime.timedelta(days=rng.randrange(1000))).isoformat(),
        }
        # a real memo always names its source (and `pamyatka check` requires it); the default
        # shape gives half of its pages one (the `or` keeps its random sequence as it was)
        if shape == "memo" or rng.random() < 0.5:
            p.fm["source"] = {
                "document": cap(f"{w.np('nom', False, w.inanimate(), 0.5)} {w.inanimate().form('gen')}"),
                "organisation": rng.choice(ORGANISATIONS),
            }
        p.body_parts = body(w, rng, p, plist)
    section_fm = []
    for k, (slug, title) in enumerate(secs):
        section_fm.append((slug, {
            "title": title,
            "description": cap(f"{w.np('nom', True, w.inanimate(), 0.5)} и "
                               f"{w.np('nom', True, w.inanimate(), 0.5)}: пошаговые памятки раздела."),
            "weight": (k + 1) * 10,
        }, [w.paragraph(2, 4)]))
    home_fm = {
        "title": "Памятки по информационным системам образования",
        "description": "Синтетический корпус для замеров скорости сборки: пошаговые памятки по разделам.",
    }
    home = [w.paragraph(2, 3)]
    return plist, section_fm, home_fm, home


def linker(rng: random.Random, p: Page, plist: list[Page], anchors: list[str]):
    """`link(anchor_p)`: a ("link", page, anchor, text) part to another page of the corpus, to
    one of `anchors` with probability anchor_p."""
    def other() -> Page:
        while True:
            q = plist[rng.randrange(len(plist))]
            if q is not p or len(plist) == 1:
                return q

    def link(anchor_p: float = 0.5) -> tuple:
        q = other()
        anchor = rng.choice(anchors) if rng.random() < anchor_p else ""
        return ("link", q, anchor, q.title)

    return link


def page_body(w: Writer, rng: random.Random, p: Page, plist: list[Page]) -> list:
    """The default shape: the page's Markdown as a list of parts: text, ("task", text, id) and
    ("link", page, anchor, text) tuples that each layout writes in its own syntax."""
    link = linker(rng, p, plist, ANCHORS)
    parts: list = []
    parts += [w.paragraph(), "\n\n", w.paragraph(2, 4), " Подробнее — в памятке «", link(0.0), "».\n\n"]
    parts.append("## Что подготовить {#chto-podgotovit}\n\n")
    for k in range(rng.randint(3, 6)):
        parts.append(("task", w.checklist_item(), f"punkt-{k + 1}"))
    parts.append("\n## Порядок действий {#poryadok}\n\n")
    parts += [w.paragraph(2, 3), "\n\n"]
    for s in range(1, 4):
        v = rng.choice(TRANSITIVE)
        parts.append(f"### Шаг {s}. {cap(v.imp[1])} {w.np('acc', False, w.inanimate(), 0.4)} {{#shag-{s}}}\n\n")
        parts += [w.paragraph(2, 4), "\n\n"]
        for k in range(rng.randint(3, 6)):
            parts.append(f"{k + 1}. {w.step_item()}\n")
        parts.append("\n")
    parts.append("## Сроки {#sroki}\n\n")
    parts.append("| Что сделать | Срок | Кто отвечает |\n| --- | --- | --- |\n")
    for _ in range(rng.randint(3, 6)):
        parts.append(f"| {cap(w.np('nom', False, w.inanimate(), 0.4))} | {w.days()} | {rng.choice(ROLES)} |\n")
    parts += ["\n", w.paragraph(1, 3), "\n\n"]
    parts.append("## Пример запроса {#primer}\n\n")
    parts.append(code_block(w, rng))
    parts += ["\n", w.paragraph(1, 2), "\n\n"]
    parts.append("## Если что-то пошло не так {#oshibki}\n\n")
    parts += [w.paragraph(2, 4), " См. также «", link(1.0), "».\n\n"]
    parts.append("## Смотрите также {#sm-takzhe}\n\n")
    for _ in range(rng.randint(3, 5)):
        parts += ["- ", link(0.4), "\n"]
    return parts


# The memo shape's `##` ids (links between memo pages point at them; the `###` step headings
# get their ids from their text, as an editor leaves them).
MEMO_ANCHORS = ["obshchie-polozheniya", "chto-podgotovit", "poryadok", "tablica-srokov", "primer", "oshibki"]
MEMO_STATUS = ["выполнено", "в работе", "не начато", "на проверке", "перенесено", "отменено"]


def memo_body(w: Writer, rng: random.Random, p: Page, plist: list[Page]) -> list:
    """The memo shape: long sections of prose, checklist items without `{#id}` (each one a
    warning in pamyatka, as in a memo pasted in before its items got ids), a 40–80-row table of
    5–6 columns, 1–3 code blocks, links to other pages in the prose and at the end."""
    link = linker(rng, p, plist, MEMO_ANCHORS)
    seen: set[str] = set()

    def item() -> tuple:
        # pamyatka derives an id-less item's id from its text, and one id twice on a page is an
        # error: the items of a page differ in their words
        while True:
            text = w.checklist_item()
            key = "-".join(re.findall(r"\w+", text.lower()))
            if key not in seen:
                seen.add(key)
                return ("task", text, None)

    parts: list = []
    parts += [w.paragraph(3, 5), " Эта памятка дополняет «", link(0.0), "».\n\n"]
    parts.append("## Общие положения {#obshchie-polozheniya}\n\n")
    for _ in range(rng.randint(3, 5)):
        parts += [w.paragraph(3, 6), "\n\n"]
    parts.append("## Что подготовить {#chto-podgotovit}\n\n")
    parts += [w.paragraph(1, 2), "\n\n"]
    for _ in range(rng.randint(4, 7)):
        parts.append(item())
    parts.append("\n## Порядок действий {#poryadok}\n\n")
    parts += [w.paragraph(2, 4), "\n\n"]
    for s in range(1, rng.randint(3, 4) + 1):
        v = rng.choice(TRANSITIVE)
        parts.append(f"### Шаг {s}. {cap(v.imp[1])} {w.np('acc', False, w.inanimate(), 0.4)}\n\n")
        for _ in range(rng.randint(1, 3)):
            parts += [w.paragraph(3, 5), "\n\n"]
        for k in range(rng.randint(3, 7)):
            parts.append(f"{k + 1}. {w.step_item()}\n")
        parts.append("\n")
        if rng.random() < 0.5:
            for _ in range(rng.randint(2, 4)):
                parts.append(item())
            parts.append("\n")
    parts.append("## Таблица сроков {#tablica-srokov}\n\n")
    parts += [w.paragraph(2, 3), "\n\n", big_table(w, rng), "\n", w.paragraph(2, 4), "\n\n"]
    parts.append("## Примеры {#primer}\n\n")
    for _ in range(rng.randint(1, 3)):
        parts += [w.paragraph(1, 2), "\n\n", code_block(w, rng), "\n"]
    parts.append("## Частые ошибки {#oshibki}\n\n")
    for _ in range(rng.randint(2, 4)):
        parts += [w.paragraph(2, 4), " Подробнее — в памятке «", link(0.7), "».\n\n"]
    parts.append("## Смотрите также {#sm-takzhe}\n\n")
    for _ in range(rng.randint(4, 7)):
        parts += ["- ", link(0.5), "\n"]
    return parts


def big_table(w: Writer, rng: random.Random) -> str:
    """A 40–80-row table of 5 or 6 columns (number, task, term, who, basis[, status])."""
    cols = rng.choice((5, 6))
    head = ["№", "Что сделать", "Срок", "Кто отвечает", "Основание", "Отметка"][:cols]
    out = ["| " + " | ".join(head) + " |\n", "| " + " | ".join("---" for _ in head) + " |\n"]
    for i in range(rng.randint(40, 80)):
        cells = [str(i + 1), cap(w.np("nom", False, w.inanimate(), 0.3)), w.days(), rng.choice(ROLES),
                 f"{rng.choice(ABBREVIATIONS)}, п. {rng.randint(1, 40)}.{rng.randint(1, 9)}"]
        if cols == 6:
            cells.append(rng.choice(MEMO_STATUS))
        out.append("| " + " | ".join(cells) + " |\n")
    return "".join(out)


def code_block(w: Writer, rng: random.Random) -> str:
    kind = rng.randrange(3)
    n = w.inanimate()
    num = rng.randrange(100000, 999999)
    if kind == 0:
        return (
            "```json\n{\n"
            f'  "id": {num},\n'
            f'  "тип": "{n.form("nom")}",\n'
            f'  "статус": "{rng.choice(["принято", "отклонено", "на проверке", "черновик"])}",\n'
            f'  "срок": "{w.days()}",\n'
            f'  "комментарий": "{cap(w.np("nom"))}"\n'
            "}\n```\n"
        )
    if kind == 1:
        return (
            "```yaml\n"
            f"заявление: {num}\n"
            f"организация: \"{cap(w.np('nom', False, w.inanimate(), 0.3))}\"\n"
            f"срок: {w.days()}\n"
            "документы:\n"
            f"  - {n.form('nom')}\n"
            f"  - {w.inanimate().form('nom')}\n"
            "```\n"
        )
    return (
        "```sh\n"
        f"# {cap(w.np('nom'))}\n"
        f"curl -s -H 'Accept: application/json' https://example.org/api/{n.translit}/{num}\n"
        f"unzip -l arhiv-{num}.zip | grep -c pdf\n"
        "```\n"
    )


# ---------------------------------------------------------------------------------------------
# Layouts
# ---------------------------------------------------------------------------------------------

def yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(fm: dict) -> str:
    lines = ["---"]
    for k, v in fm.items():
        if isinstance(v, str) and k != "updated":
            lines.append(f"{k}: {yaml_str(v)}")
        elif isinstance(v, list):
            lines.append(f"{k}: [{', '.join(v)}]")
        elif isinstance(v, dict):
            lines.append(f"{k}:")
            for kk, vv in v.items():
                lines.append(f"  {kk}: {yaml_str(vv)}")
        else:
            lines.append(f"{k}: {v}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def render_body(parts: list, page: Page | None, tool: str) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "task":
            _, text, tid = part
            out.append(f"- [ ] {text} {{#{tid}}}\n" if tool == "pamyatka" and tid else f"- [ ] {text}\n")
        else:
            _, q, anchor, text = part
            if page is None or q.section != page.section:
                rel = f"../{q.section}/{q.slug}.md"
            else:
                rel = f"{q.slug}.md"
            out.append(f"[{text}]({rel}{'#' + anchor if anchor else ''})")
    return "".join(out)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


SITE_TITLE = "Памятки: синтетический корпус"
SITE_DESC = "Синтетический корпус памяток для замеров скорости сборки."


def home_links(secs, tool: str) -> str:
    target = {"pamyatka": "{s}/_index.md", "hugo": "{s}/_index.md", "mdbook": "{s}/index.md"}[tool]
    return "".join(f"- [{fm['title']}]({target.format(s=s)})\n" for s, fm, _ in secs)


# The line the pages of --template-pages have more (at the top of their main content), in
# pamyatka's and Hugo's template alike; benches/run.sh edits it (a template used by a few pages).
SPECIAL_NOTE = '<p class="special-note">Особая памятка.</p>'

PAMYATKA_SPECIAL = """\
{% extends "page.html" %}
{# The template of the pages with `template: special.html` (benches/corpus.py --template-pages):
   the built-in guide template with one line more. #}
{% block content %}
""" + SPECIAL_NOTE + """
{{ super() }}
{% endblock content %}
"""


def page_fm(p: Page, tool: str) -> dict:
    """The page's front matter for `tool`: a page of --template-pages names its template."""
    if p.special and tool == "pamyatka":
        return {**p.fm, "template": "special.html"}
    if p.special and tool == "hugo":
        return {**p.fm, "layout": "special"}
    return p.fm


def layout_pamyatka(out: Path, corpus, glossary: Path | None) -> None:
    plist, secs, home_fm, home = corpus
    c = out / "content"
    write(c / "site.yaml", f"title: {yaml_str(SITE_TITLE)}\ndescription: {yaml_str(SITE_DESC)}\n"
                           "base_url: \"https://pamyatka.example\"\nlanguage: ru\n")
    write(c / "index.md", front_matter(home_fm) + "\n" + home[0] + "\n\n## Разделы\n\n" + home_links(secs, "pamyatka"))
    for s, fm, body in secs:
        write(c / s / "_index.md", front_matter(fm) + "\n" + body[0] + "\n")
    for p in plist:
        write(c / p.section / f"{p.slug}.md", front_matter(page_fm(p, "pamyatka")) + "\n"
              + render_body(p.body_parts, p, "pamyatka"))
    if any(p.special for p in plist):
        write(out / "templates" / "special.html", PAMYATKA_SPECIAL)
    if glossary is not None:
        shutil.copyfile(glossary, c / "glossary.yaml")


HUGO_TOML = """\
baseURL = "https://pamyatka.example/"
languageCode = "ru"
defaultContentLanguage = "ru"
title = "{title}"
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false

[params]
description = "{desc}"

[markup]
  [markup.goldmark.renderer]
    unsafe = false
  [markup.goldmark.parser.attribute]
    title = true
  [markup.highlight]
    noClasses = false
  [markup.tableOfContents]
    startLevel = 2
    endLevel = 2
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">Перейти к основному содержанию</a>
<header class="site-header">
  <a class="site-title" href="{{ "/" | relURL }}">{{ site.Title }}</a>
  <nav class="site-nav" aria-label="Разделы">
    <ul>
    {{- $cur := . }}
    {{- range site.Home.Sections.ByWeight }}
      <li><a href="{{ .RelPermalink }}"{{ if eq .Section $cur.Section }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
    {{- end }}
    </ul>
  </nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }}. {{ site.Params.description }}</p></footer>
</body>
</html>
""",
    "index.html": """\
{{ define "main" }}
<article class="home">
  <h1>{{ .Title }}</h1>
  {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
  <div class="prose">{{ .Content }}</div>
</article>
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<article class="section">
  <nav class="breadcrumbs" aria-label="Вы здесь"><ol><li><a href="{{ "/" | relURL }}">Главная</a></li></ol></nav>
  <h1>{{ .Title }}</h1>
  {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
  <div class="prose">{{ .Content }}</div>
  <h2>Памятки раздела</h2>
  <ul class="card-list">
  {{- range .Pages.ByWeight }}
    <li class="card"><a class="card__title" href="{{ .RelPermalink }}">{{ .Title }}</a>
    {{ with .Description }}<p class="card__text">{{ . }}</p>{{ end }}</li>
  {{- end }}
  </ul>
</article>
{{ end }}
""",
    "_default/single.html": """\
{{ define "main" }}
<article class="page">
  {{ $sec := .Parent }}
  <nav class="breadcrumbs" aria-label="Вы здесь"><ol><li><a href="{{ "/" | relURL }}">Главная</a></li><li><a href="{{ $sec.RelPermalink }}">{{ $sec.Title }}</a></li></ol></nav>
  <h1>{{ .Title }}</h1>
  {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
  {{ with .Params.audience }}<p class="audience">Для кого: {{ delimit . ", " }}</p>{{ end }}
  <nav class="toc" aria-label="Содержание">{{ .TableOfContents }}</nav>
  <div class="prose">{{ .Content }}</div>
  {{ $cur := . }}
  {{ $pages := $sec.Pages.ByWeight }}
  {{/* As pamyatka's step-by-step nav: every step of a short guide; in a long section (more
       than 12 pages) the steps around the current one and a link to the section's list. */}}
  {{ $idx := 0 }}
  {{ range $i, $p := $pages }}{{ if eq $p.RelPermalink $cur.RelPermalink }}{{ $idx = $i }}{{ end }}{{ end }}
  {{ $n := len $pages }}
  {{ $from := 0 }}{{ $count := $n }}
  {{ if gt $n 12 }}{{ if gt $idx 3 }}{{ $from = sub $idx 3 }}{{ end }}{{ $count = sub (add $idx 4) $from }}{{ end }}
  <nav class="steps" aria-labelledby="steps-title">
    <h2 id="steps-title">{{ $sec.Title }}: шаг {{ add $idx 1 }} из {{ $n }}</h2>
    {{ if lt $count $n }}<p class="steps__more"><a href="{{ $sec.RelPermalink }}">Все {{ $n }} шагов — на странице раздела</a></p>{{ end }}
    <ol class="steps__list" start="{{ add $from 1 }}">
    {{- range first $count (after $from $pages) }}
      <li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $cur.RelPermalink }} aria-current="step"{{ end }}>{{ .Title }}</a></li>
    {{- end }}
    </ol>
    <ul class="steps__pager">
      {{ with .PrevInSection }}<li><a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
      {{ with .NextInSection }}<li><a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
    </ul>
  </nav>
  {{ with .Params.source }}<aside class="source"><p><strong>Источник:</strong> {{ .document }}{{ with .organisation }}, {{ . }}{{ end }}.</p></aside>{{ end }}
  {{ with .Params.updated }}<p class="updated">Обновлено: {{ time.Format "2006-01-02" . }}</p>{{ end }}
</article>
{{ end }}
""",
    # Resolves the same relative .md links pamyatka and mdBook take; a missing page fails the build.
    "_default/_markup/render-link.html": """\
{{- $u := urls.Parse .Destination -}}
{{- if and (not $u.Scheme) (strings.HasSuffix $u.Path ".md") -}}
{{- $path := path.Join "/" .Page.File.Dir $u.Path -}}
{{- $p := site.GetPage (strings.TrimSuffix ".md" (replace $path "/_index.md" "")) -}}
{{- if not $p }}{{ errorf "%s: link to a missing page %s" .Page.File.Path .Destination }}{{ end -}}
<a href="{{ $p.RelPermalink }}{{ with $u.Fragment }}#{{ . }}{{ end }}">{{ .Text | safeHTML }}</a>
{{- else -}}
<a href="{{ .Destination | safeURL }}">{{ .Text | safeHTML }}</a>
{{- end -}}
""",
}

STYLE_CSS = """\
body { font: 18px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; }
.site-nav ul, .card-list { list-style: none; padding: 0; }
.site-nav li { display: inline-block; margin-right: 1rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: .25rem .5rem; }
"""


def layout_hugo(out: Path, corpus) -> None:
    plist, secs, home_fm, home = corpus
    write(out / "hugo.toml", HUGO_TOML.format(title=SITE_TITLE, desc=SITE_DESC))
    for rel, text in HUGO_LAYOUTS.items():
        write(out / "layouts" / rel, text)
    if any(p.special for p in plist):
        # the `layout: special` pages: single.html with the same one line more
        single = HUGO_LAYOUTS["_default/single.html"]
        head = '{{ define "main" }}\n'
        assert single.startswith(head)
        write(out / "layouts" / "_default" / "special.html", head + SPECIAL_NOTE + "\n" + single[len(head):])
    write(out / "static" / "style.css", STYLE_CSS)
    c = out / "content"
    write(c / "_index.md", front_matter(home_fm) + "\n" + home[0] + "\n\n## Разделы\n\n" + home_links(secs, "hugo"))
    for s, fm, body in secs:
        write(c / s / "_index.md", front_matter(fm) + "\n" + body[0] + "\n")
    for p in plist:
        write(c / p.section / f"{p.slug}.md", front_matter(page_fm(p, "hugo")) + "\n"
              + render_body(p.body_parts, p, "hugo"))


def layout_mdbook(out: Path, corpus) -> None:
    plist, secs, home_fm, home = corpus
    write(out / "book.toml", f"[book]\ntitle = {yaml_str(SITE_TITLE)}\ndescription = {yaml_str(SITE_DESC)}\n"
                             "language = \"ru\"\nsrc = \"src\"\n\n[build]\nbuild-dir = \"book\"\n"
                             "create-missing = false\n\n[output.html]\n")
    src = out / "src"
    summary = ["# Summary\n", f"[{home_fm['title']}](index.md)\n"]
    write(src / "index.md", f"# {home_fm['title']}\n\n{home_fm['description']}\n\n{home[0]}\n\n## Разделы\n\n"
                            + home_links(secs, "mdbook"))
    by_section: dict[str, list[Page]] = {}
    for p in plist:
        by_section.setdefault(p.section, []).append(p)
    for s, fm, body in secs:
        write(src / s / "index.md", f"# {fm['title']}\n\n{fm['description']}\n\n{body[0]}\n")
        summary.append(f"- [{fm['title']}]({s}/index.md)")
        for p in by_section.get(s, []):
            summary.append(f"  - [{p.title}]({s}/{p.slug}.md)")
            write(src / s / f"{p.slug}.md", f"# {p.title}\n\n{p.fm['description']}\n\n"
                                            + render_body(p.body_parts, p, "mdbook"))
    write(src / "SUMMARY.md", "\n".join(summary) + "\n")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, required=True, help="number of pages (besides the home and section pages)")
    ap.add_argument("--for", dest="tool", choices=("pamyatka", "hugo", "mdbook"), required=True)
    ap.add_argument("--out", type=Path, required=True, help="output directory (created; must be empty)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--sections", type=int, default=20, choices=range(1, len(SECTIONS) + 1), metavar="1..20")
    ap.add_argument("--shape", choices=SHAPES, default="default",
                    help="default: the issue #9 corpus; memo: long sections, checklist items without ids, "
                         "40-80-row tables, more code (issue #22)")
    ap.add_argument("--template-pages", type=int, default=0, metavar="K",
                    help="K pages (evenly spread) use a template of the corpus's own, special.html "
                         "(Hugo: layout special); mdBook has no per-page templates and ignores it")
    ap.add_argument("--no-glossary", action="store_true",
                    help="pamyatka: do not copy the repository's content/glossary.yaml")
    ap.add_argument("--stats", action="store_true", help="print corpus statistics to stderr")
    a = ap.parse_args(argv)
    if a.pages < 1:
        ap.error("--pages must be at least 1")
    if a.template_pages < 0:
        ap.error("--template-pages must not be negative")
    if a.out.exists() and any(a.out.iterdir()):
        ap.error(f"{a.out} exists and is not empty")
    corpus = build_corpus(a.pages, a.seed, a.sections, a.shape, a.template_pages)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.tool == "pamyatka":
        glossary = None
        if not a.no_glossary:
            glossary = Path(__file__).resolve().parent.parent / "content" / "glossary.yaml"
            if not glossary.is_file():
                print(f"corpus.py: {glossary} not found; building without a glossary", file=sys.stderr)
                glossary = None
        layout_pamyatka(a.out, corpus, glossary)
    elif a.tool == "hugo":
        layout_hugo(a.out, corpus)
    else:
        layout_mdbook(a.out, corpus)
    if a.stats:
        text = "".join(render_body(p.body_parts, p, "pamyatka") for p in corpus[0])
        forms = {w.lower() for w in re.findall(r"[А-Яа-яЁё]+", text)}
        md = sum(1 for _ in a.out.rglob("*.md"))
        print(f"pages: {a.pages} + {len(corpus[1])} sections + home = {md} Markdown files; "
              f"body text {len(text.encode()) / 1e6:.1f} MB; distinct Cyrillic word forms used: {len(forms)} "
              f"(vocabulary: {len(vocabulary())})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
