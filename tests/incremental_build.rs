//! Incremental `build` (rebuild.rs, build_cache.rs) writes what a clean build writes, byte for
//! byte: random sequences of edits of every kind on a generated site, each followed by a build
//! over the previous output and a `--clean` build into another folder, whose files (the
//! offline bundle and the search pieces among them) and warnings must be the same. A build that
//! fails must leave the output as it was. A cache that cannot be trusted is ignored with a note.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use proptest::prelude::*;

/// The line an incremental build adds to its summary.
const INCREMENTAL: &str = "Заново собраны только страницы, которых коснулись правки";

/// A page of the generated site: a guide with steps, checklists (one item without an id: a
/// warning), a table, a link to the first page and an abbreviation of the glossary.
fn page(n: usize, title: &str, extra: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndescription: \"Памятка номер {n} для проверки сборки.\"\n\
         weight: {n}\nupdated: 2026-11-0{d}\nsource:\n  document: \"Регламент\"\n  organisation: \"ЦОКО\"\n---\n\n\
         ## Шаг 1. Подготовка\n\nСоздайте учётную запись ЕСИА и проверьте СНИЛС.\n\n\
         - [ ] Паспорт {{#p{n}-pasport}}\n- [ ] Пункт без метки\n\n\
         ## Шаг 2. Отправка\n\n| Что | Срок |\n| --- | --- |\n| Заявление | 5 рабочих дней |\n\n\
         См. [первую памятку](../razdel-0/pamyatka-0.md).\n\n{extra}\n",
        d = n % 9 + 1
    )
}

/// A `deadline` widget.
const DEADLINE: &str = "```deadline\nlabel: Срок заявки\nrule: В течение 10 рабочих дней после получения запроса\nevent: Дата получения запроса\n```\n";

/// Built-in templates a site may override: a widget's, one that a widget's and the regulation
/// pages' templates include, one that another template (`osobaya.html`) extends.
const OVERRIDDEN: [&str; 3] = [
    "partials/widgets/deadline.html",
    "partials/calc-form.html",
    "page.html",
];

/// The built-in template `name` with a mark of `step` in what it renders.
fn marked(name: &str, step: usize) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    let mark = format!("<span data-step=\"{step}\"></span>");
    if text.starts_with("{% extends") {
        let block = "{% block content %}";
        assert!(text.contains(block), "{name}");
        text.replacen(block, &format!("{block}{mark}"), 1)
    } else {
        format!("{mark}{text}")
    }
}

/// The starting site: `pamyatka init`'s, three sections of pages, a glossary, a template some
/// pages use, a static file.
fn generated_site(root: &Path) {
    let o = pamyatka(root.parent().unwrap(), &["init", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for s in 0..3 {
        let section = with_section(
            root,
            &format!("razdel-{s}"),
            &format!("title: \"Раздел {s}\"\nweight: {s}"),
        );
        for p in 0..4 {
            let n = s * 4 + p;
            // Some pages have a calculator: the `deadline` widget's template and the form it
            // includes are read by their render, not by the others'.
            let extra = if n % 4 == 1 { DEADLINE } else { "" };
            let mut text = page(n, &format!("Памятка {n}"), extra);
            if n % 3 == 0 {
                text = text.replacen("---\n", "---\ntemplate: osobaya.html\n", 1);
            }
            std::fs::write(section.join(format!("pamyatka-{p}.md")), text).unwrap();
        }
    }
    // The link in every page names razdel-0/pamyatka-0.md: it stays.
    std::fs::write(
        root.join("content/glossary.yaml"),
        "- abbr: ЕСИА\n  title: Единая система идентификации и аутентификации\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/osobaya.html"),
        "{% extends \"page.html\" %}\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content/files")).unwrap();
    std::fs::write(root.join("content/files/spravka.txt"), "Справка.\n").unwrap();
}

/// One edit an editor may make.
#[derive(Debug, Clone)]
enum Edit {
    /// Appends a paragraph (or a checklist item without an id: a warning) to a page's body.
    Body { page: usize, warning: bool },
    /// Puts a page's body back as it was at the start, its front matter as it is now (the
    /// file's digest may be a cached one again).
    Revert { page: usize },
    /// Changes a page's title (front matter: navigation and lists of other pages).
    Title { page: usize },
    /// Changes the template some pages use.
    Template,
    /// Overrides a built-in template (added the first time, edited after; see [`OVERRIDDEN`]).
    Override { template: usize },
    /// Removes the override of a built-in template, if there is one.
    Unoverride { template: usize },
    /// Adds an abbreviation to the glossary.
    Glossary,
    /// Adds a page to a section.
    Add { section: usize },
    /// Deletes a page (never the first one: every page links to it).
    Delete { page: usize },
    /// Changes the static file.
    Static,
    /// Breaks a page's front matter: both builds fail and leave their output as it was.
    Broken { page: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), any::<bool>()).prop_map(|(page, warning)| Edit::Body { page, warning }),
        2 => any::<usize>().prop_map(|page| Edit::Revert { page }),
        1 => any::<usize>().prop_map(|page| Edit::Title { page }),
        1 => Just(Edit::Template),
        1 => any::<usize>().prop_map(|template| Edit::Override { template }),
        1 => any::<usize>().prop_map(|template| Edit::Unoverride { template }),
        1 => Just(Edit::Glossary),
        1 => (0..3usize).prop_map(|section| Edit::Add { section }),
        1 => any::<usize>().prop_map(|page| Edit::Delete { page }),
        1 => Just(Edit::Static),
        1 => any::<usize>().prop_map(|page| Edit::Broken { page }),
    ]
}

/// The generated pages now in the site (`content/razdel-*/pamyatka-*.md`), in a fixed order.
fn pages(root: &Path) -> Vec<std::path::PathBuf> {
    let mut list: Vec<_> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("pamyatka-"))
        })
        .collect();
    list.sort();
    list
}

/// Applies `edit`; `true` when only page bodies and page templates changed (the next build
/// must be incremental).
fn apply(
    root: &Path,
    edit: &Edit,
    step: usize,
    originals: &BTreeMap<std::path::PathBuf, String>,
) -> bool {
    let list = pages(root);
    let pick = |i: usize| list[i % list.len()].clone();
    match edit {
        Edit::Body { page, warning } => {
            let path = pick(*page);
            let mut text = std::fs::read_to_string(&path).unwrap();
            if *warning {
                text.push_str(&format!("\n- [ ] Новый пункт {step}\n"));
            } else {
                text.push_str(&format!("\nДобавленный абзац {step} о СНИЛС.\n"));
            }
            std::fs::write(path, text).unwrap();
            true
        }
        Edit::Revert { page } => {
            let path = pick(*page);
            if let Some(original) = originals.get(&path) {
                let now = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, format!("{}{}", front(&now), body(original))).unwrap();
            }
            true
        }
        Edit::Title { page } => {
            let path = pick(*page);
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.replacen("title: \"", &format!("title: \"Новое {step}: "), 1);
            std::fs::write(path, text).unwrap();
            false
        }
        Edit::Template => {
            std::fs::write(
                root.join("templates/osobaya.html"),
                format!(
                    "{{% extends \"page.html\" %}}\n{{% block content %}}<p>Особая {step}</p>{{{{ super() }}}}{{% endblock content %}}\n"
                ),
            )
            .unwrap();
            true
        }
        Edit::Override { template } => {
            let name = OVERRIDDEN[template % OVERRIDDEN.len()];
            let path = root.join("templates").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, marked(name, step)).unwrap();
            true
        }
        Edit::Unoverride { template } => {
            let name = OVERRIDDEN[template % OVERRIDDEN.len()];
            let _ = std::fs::remove_file(root.join("templates").join(name));
            true
        }
        Edit::Glossary => {
            let path = root.join("content/glossary.yaml");
            let mut text = std::fs::read_to_string(&path).unwrap();
            if !text.contains("СНИЛС") {
                text.push_str(
                    "- abbr: СНИЛС\n  title: Страховой номер индивидуального лицевого счёта\n",
                );
            } else {
                text.push_str(&format!("- abbr: ОО{step}\n  title: Организация {step}\n"));
            }
            std::fs::write(path, text).unwrap();
            false
        }
        Edit::Add { section } => {
            let n = 100 + step;
            std::fs::write(
                root.join(format!("content/razdel-{section}/pamyatka-{n}.md")),
                page(n, &format!("Новая памятка {n}"), ""),
            )
            .unwrap();
            false
        }
        Edit::Delete { page } => {
            let path = pick(*page);
            if path.ends_with("razdel-0/pamyatka-0.md") {
                // Every page links to it: kept, so nothing changed.
                return true;
            }
            std::fs::remove_file(path).unwrap();
            false
        }
        Edit::Static => {
            std::fs::write(
                root.join("content/files/spravka.txt"),
                format!("Справка, редакция {step}.\n"),
            )
            .unwrap();
            false
        }
        Edit::Broken { .. } => false,
    }
}

/// A page's front matter, with its closing `---` line.
fn front(text: &str) -> &str {
    let end = text[4..].find("---\n").unwrap() + 4 + 4;
    &text[..end]
}

/// A page's body.
fn body(text: &str) -> &str {
    &text[front(text).len()..]
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The lines a build printed, without the incremental build's own line.
fn printed(o: &std::process::Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| !l.starts_with(INCREMENTAL))
        .map(str::to_string)
        .collect()
}

fn same_trees(a: &Path, b: &Path, context: &str) {
    let (ta, tb) = (tree(a), tree(b));
    let names_a: Vec<&String> = ta.keys().collect();
    let names_b: Vec<&String> = tb.keys().collect();
    assert_eq!(names_a, names_b, "{context}: the files differ");
    for (name, bytes) in &ta {
        assert!(bytes == &tb[name], "{context}: {name} differs");
    }
}

fn run(edits: &[Edit]) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("sajt");
    generated_site(&root);
    let originals: BTreeMap<_, _> = pages(&root)
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    let (inc, clean) = (tmp.path().join("inc"), tmp.path().join("clean"));
    let (inc_s, clean_s) = (inc.to_str().unwrap(), clean.to_str().unwrap());
    let o = pamyatka(&root, &["--out", inc_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = pamyatka(&root, &["--out", clean_s, "build", "--clean"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (step, edit) in edits.iter().enumerate() {
        let context = format!("step {step} ({edit:?}) of {edits:?}");
        if let Edit::Broken { page } = edit {
            let list = pages(&root);
            let path = list[page % list.len()].clone();
            let good = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, good.replacen("title: \"", "title: [\"", 1)).unwrap();
            let before = tree(&inc);
            let o = pamyatka(&root, &["--out", inc_s, "build"]);
            assert!(!o.status.success(), "{context}: a broken page built");
            assert!(
                tree(&inc) == before,
                "{context}: a failed build changed the output"
            );
            std::fs::write(&path, good).unwrap();
            continue;
        }
        let bodies_only = apply(&root, edit, step, &originals);
        let before = tree(&clean);
        let o_inc = pamyatka(&root, &["--out", inc_s, "build"]);
        let o_clean = pamyatka(&root, &["--out", clean_s, "build", "--clean"]);
        assert!(o_inc.status.success(), "{context}: {}", stderr(&o_inc));
        assert!(o_clean.status.success(), "{context}: {}", stderr(&o_clean));
        assert_eq!(
            stderr(&o_inc).contains(INCREMENTAL),
            bodies_only,
            "{context}: incremental or not?\n{}",
            stderr(&o_inc)
        );
        assert_eq!(
            printed(&o_inc),
            printed(&o_clean),
            "{context}: the warnings differ"
        );
        same_trees(&inc, &clean, &context);
        if bodies_only {
            // Exactly the pages whose output changed were rendered again: a template edit
            // re-renders the pages that read it, and no other.
            assert_eq!(
                rerendered(&o_inc),
                changed_pages(&before, &tree(&clean)),
                "{context}: pages rendered again\n{}",
                stderr(&o_inc)
            );
        }
    }
}

/// How many pages an incremental build says it rendered again.
fn rerendered(o: &std::process::Output) -> usize {
    let text = stderr(o);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix(INCREMENTAL))
        .expect("an incremental build");
    let n = line.trim_start_matches(": ");
    n[..n.find(' ').unwrap()].parse().unwrap()
}

/// How many pages (normal versions) differ from `before` to `after`, the home page aside (it
/// says the offline bundle's size, which changes with any page).
fn changed_pages(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> usize {
    let is_page =
        |p: &&String| p.ends_with("index.html") && !p.starts_with("lv/") && *p != "index.html";
    before
        .keys()
        .chain(after.keys())
        .filter(is_page)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|p| before.get(*p) != after.get(*p))
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 5,
        // Each case builds a site twice per edit: shrinking a failure is slow but worth it.
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn an_incremental_build_writes_what_a_clean_build_writes(edits in prop::collection::vec(edit(), 1..8)) {
        run(&edits);
    }
}

/// The edits an editor makes most, in a fixed order: each kind at least once.
#[test]
fn every_kind_of_edit_in_turn() {
    run(&[
        Edit::Body {
            page: 1,
            warning: false,
        },
        Edit::Body {
            page: 2,
            warning: true,
        },
        // The first page is never deleted: nothing changed, nothing is rendered or written.
        Edit::Delete { page: 0 },
        Edit::Revert { page: 1 },
        Edit::Title { page: 3 },
        Edit::Body {
            page: 3,
            warning: false,
        },
        Edit::Template,
        // A built-in partial overridden (added), edited, and its override removed.
        Edit::Override { template: 0 },
        Edit::Override { template: 0 },
        Edit::Unoverride { template: 0 },
        // One that templates include, and one that another template extends.
        Edit::Override { template: 1 },
        Edit::Override { template: 2 },
        Edit::Unoverride { template: 1 },
        Edit::Glossary,
        Edit::Body {
            page: 4,
            warning: false,
        },
        Edit::Add { section: 1 },
        Edit::Body {
            page: 5,
            warning: true,
        },
        Edit::Delete { page: 6 },
        Edit::Static,
        Edit::Broken { page: 2 },
        Edit::Body {
            page: 2,
            warning: false,
        },
    ]);
}

#[test]
fn a_cache_that_cannot_be_trusted_is_ignored_with_a_note() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("sajt");
    generated_site(&root);
    let out = tmp.path().join("pub");
    let out_s = out.to_str().unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains("Кэш"),
        "a first build has nothing to say of it"
    );
    let cache = tmp.path().join(".pub.cache");
    assert!(
        cache.is_file(),
        "a build leaves its cache beside the output"
    );
    let good = std::fs::read(&cache).unwrap();

    // Gone (`serve` removes it, an older pamyatka wrote none): said, and a full build.
    std::fs::remove_file(&cache).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Кэш прошлой сборки не использован: его нет"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains(INCREMENTAL), "{}", stderr(&o));

    // Damaged.
    std::fs::write(&cache, &good[..good.len() / 2]).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Кэш прошлой сборки не использован: его файл повреждён"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains(INCREMENTAL), "{}", stderr(&o));

    // Made for another output folder of the same name.
    let other = tmp.path().join("drugaya").join("pub");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    let o = pamyatka(&root, &["--out", other.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::copy(&cache, tmp.path().join("drugaya/.pub.cache")).unwrap();
    let o = pamyatka(&root, &["--out", other.to_str().unwrap(), "build"]);
    assert!(
        stderr(&o).contains("он сделан для другой папки сайта"),
        "{}",
        stderr(&o)
    );

    // Trusted again: nothing changed, nothing rendered.
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(
        stderr(&o).contains(&format!("{INCREMENTAL}: 0 из")),
        "{}",
        stderr(&o)
    );

    // `--clean` ignores it, and says nothing about it.
    let o = pamyatka(&root, &["--out", out_s, "build", "--clean"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains(INCREMENTAL) && !stderr(&o).contains("Кэш"),
        "{}",
        stderr(&o)
    );

    // The previous bundle, whose entries an incremental build takes over, removed by hand: a
    // full build, which says why.
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::remove_file(out.join("offline.zip")).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("в папке сайта нет того, что записала прошлая сборка"),
        "{}",
        stderr(&o)
    );
    assert!(out.join("offline.zip").is_file());

    // A piece of the search index changed by hand: a rebuild, which reads the previous
    // postings back from the term shards, does not take it as it is but makes a full build
    // and says why; the output is again what a clean build writes.
    let shard = out.join("search/t0.js");
    let mut spoilt = std::fs::read(&shard).unwrap();
    spoilt.truncate(spoilt.len() - 8);
    std::fs::write(&shard, &spoilt).unwrap();
    let page = &pages(&root)[1];
    let text = std::fs::read_to_string(page).unwrap();
    std::fs::write(page, format!("{text}\nЕщё одно предложение.\n")).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("в папке сайта нет того, что записала прошлая сборка")
            && !stderr(&o).contains(INCREMENTAL),
        "{}",
        stderr(&o)
    );
    let clean = tmp.path().join("clean");
    let o = pamyatka(&root, &["--out", clean.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    same_trees(&out, &clean, "after a spoilt search piece");
}

/// The generated site in a temporary folder (`sajt/`), and where its builds go: `pub/` (the
/// output under test) and `clean/` (the reference builds).
fn site_and_outputs() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
    std::path::PathBuf,
) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("sajt");
    generated_site(&root);
    let (out, clean) = (tmp.path().join("pub"), tmp.path().join("clean"));
    (tmp, root, out, clean)
}

/// Writes `page` again as `edit` makes its text.
fn rewrite(page: &Path, edit: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(page).unwrap();
    std::fs::write(page, edit(text)).unwrap();
}

/// A rebuild keeps the bundle it replaces beside the output (`.<out>.bundle.spare`) and writes
/// the next one over it: whatever the spare held, the new bundle is exactly what a clean build
/// writes, and the spare then holds the bundle just replaced.
#[test]
fn a_rebuild_writes_its_bundle_over_the_spare_one() {
    let (tmp, root, out, clean) = site_and_outputs();
    let out_s = out.to_str().unwrap();
    let spare = tmp.path().join(".pub.bundle.spare");
    let edit = |n: usize| {
        rewrite(&pages(&root)[1], |text| {
            format!("{text}\nПравка номер {n}.\n")
        })
    };
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!spare.exists(), "a full build makes no spare");

    edit(1);
    let previous = std::fs::read(out.join("offline.zip")).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(stderr(&o).contains(INCREMENTAL), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&spare).unwrap(),
        previous,
        "the replaced bundle is the spare"
    );

    // A spare longer than any bundle, of bytes no zip has: written over and cut.
    std::fs::write(&spare, vec![0xA5; previous.len() * 3]).unwrap();
    edit(2);
    let previous = std::fs::read(out.join("offline.zip")).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains(INCREMENTAL), "{}", stderr(&o));
    assert_eq!(std::fs::read(&spare).unwrap(), previous);
    let o = pamyatka(&root, &["--out", clean.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    same_trees(&out, &clean, "a bundle written over a longer spare");

    // No spare, but the new bundle's file a killed build left half-written: written over too.
    std::fs::remove_file(&spare).unwrap();
    let tmp_bundle = tmp.path().join(".pub.bundle.tmp");
    std::fs::write(&tmp_bundle, vec![0x5A; previous.len() * 2]).unwrap();
    edit(3);
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains(INCREMENTAL), "{}", stderr(&o));
    assert!(!tmp_bundle.exists() && spare.exists());
    let o = pamyatka(&root, &["--out", clean.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    same_trees(&out, &clean, "a bundle written over a killed build's");

    // A full build over a previous output keeps that output's bundle as the spare.
    let previous = std::fs::read(out.join("offline.zip")).unwrap();
    std::fs::remove_file(&spare).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build", "--clean"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(&spare).unwrap(), previous);
}

/// Files older than the racy window get stamps the next build trusts instead of hashing them
/// (`content::FileStamp`); an edit that keeps a page's length is still seen, by its times.
#[test]
fn a_page_edited_after_its_stamp_was_recorded_is_rendered_again() {
    let (_tmp, root, out, clean) = site_and_outputs();
    // Every file out of the racy window of the first build.
    std::thread::sleep(std::time::Duration::from_millis(3300));
    let out_s = out.to_str().unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = &pages(&root)[1];
    let text = std::fs::read_to_string(page).unwrap();
    let at = text.rfind('.').expect("a sentence");
    let edited = format!("{}!{}", &text[..at], &text[at + 1..]);
    assert_eq!(edited.len(), text.len());
    std::fs::write(page, edited).unwrap();
    let o = pamyatka(&root, &["--out", out_s, "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(rerendered(&o), 1, "{}", stderr(&o));
    let o = pamyatka(&root, &["--out", clean.to_str().unwrap(), "build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    same_trees(&out, &clean, "a page edited to the same length");
}

/// A full build over a previous output writes over that output's files instead of making new
/// ones and freeing the old (`output::recycle_dir`): the output it replaced is kept beside it as
/// the next full build's to write over, and what that output had but this build does not make is
/// gone. `--clean` starts from an empty folder.
#[test]
fn a_full_build_writes_over_the_output_it_replaced() {
    let (tmp, root, out, clean) = site_and_outputs();
    let out_s = out.to_str().unwrap();
    let recycle = tmp.path().join(".pub.recycle");
    let retitle = |n: usize| {
        rewrite(&pages(&root)[0], |text| {
            text.replacen("title: \"", &format!("title: \"Правка {n}. "), 1)
        })
    };
    let full_build = |args: &[&str]| {
        let o = pamyatka(&root, args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(!stderr(&o).contains(INCREMENTAL), "{}", stderr(&o));
    };
    full_build(&["--out", out_s, "build"]);
    assert!(!recycle.exists(), "no output replaced");
    // The home page of the first output, held open (so that its file cannot be another's).
    let first = same_file::Handle::from_path(out.join("index.html")).unwrap();

    retitle(1);
    full_build(&["--out", out_s, "build"]);
    assert_eq!(
        same_file::Handle::from_path(recycle.join("index.html")).unwrap(),
        first,
        "the first output is kept beside the second"
    );

    // The third build writes over the first output's files; a page removed leaves nothing.
    retitle(2);
    let removed = pages(&root).pop().unwrap();
    std::fs::remove_file(&removed).unwrap();
    full_build(&["--out", out_s, "build"]);
    assert_eq!(
        same_file::Handle::from_path(out.join("index.html")).unwrap(),
        first,
        "the home page written over the first output's"
    );
    full_build(&["--out", clean.to_str().unwrap(), "build", "--clean"]);
    same_trees(&out, &clean, "a full build over the first output");

    // `--clean` writes new files, not over the second output's.
    let second = same_file::Handle::from_path(recycle.join("index.html")).unwrap();
    full_build(&["--out", out_s, "build", "--clean"]);
    let fourth = same_file::Handle::from_path(out.join("index.html")).unwrap();
    assert!(fourth != second && fourth != first);
    same_trees(&out, &clean, "a --clean build over an output");
}
