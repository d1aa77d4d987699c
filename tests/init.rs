//! `pamyatka init`: a new site that builds and checks with nothing to report, and the folders
//! it refuses.

mod common;

use common::*;

/// What the command printed besides its summary line.
fn other_lines(o: &std::process::Output, summary: &str) -> Vec<String> {
    stderr(o)
        .lines()
        .chain(String::from_utf8_lossy(&o.stdout).lines())
        .filter(|l| !l.trim().is_empty() && !l.starts_with(summary))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_new_site_builds_and_checks_without_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("novyj-sajt");
    let o = pamyatka(
        tmp.path(),
        &[
            "init",
            site.to_str().unwrap(),
            "--base-url",
            "https://pamyatka.edu22.ru/",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Новый сайт создан в папке"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("base_url"), "{}", stderr(&o));
    for rel in [
        "content/site.yaml",
        "content/index.md",
        "content/poisk.md",
        "content/primer/_index.md",
        "content/primer/pervaya-pamyatka.md",
        ".gitignore",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        "schemas/front-matter.schema.json",
        "schemas/site.schema.json",
    ] {
        assert!(site.join(rel).is_file(), "{rel}");
    }
    let guide = read(&site, "content/primer/pervaya-pamyatka.md");
    assert!(guide.contains("title: \"Первая памятка\""), "{guide}");
    assert!(guide.contains("- [ ] "), "a checklist: {guide}");
    assert!(read(&site, "content/site.yaml").contains("base_url: \"https://pamyatka.edu22.ru\""));

    // Every glob of the editor settings names an existing schema and a file of the site.
    let settings: serde_json::Value =
        serde_json::from_str(&read(&site, ".vscode/settings.json")).unwrap();
    let map = settings["yaml.schemas"].as_object().unwrap();
    assert!(map.len() >= 7, "{map:?}");
    for schema in map.keys() {
        assert!(site.join(schema).is_file(), "{schema}");
    }
    assert_eq!(
        map["./schemas/site.schema.json"], "content/site.yaml",
        "{map:?}"
    );
    assert!(read(&site, ".vscode/extensions.json").contains("redhat.vscode-yaml"));
    assert!(read(&site, ".gitignore").contains("/public/"));

    let built = pamyatka(&site, &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert_silent(&built, "Собран");

    let checked = pamyatka(&site, &["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert_silent(&checked, "Проверен");
    assert!(
        stderr(&checked).contains("проблем не найдено"),
        "{}",
        stderr(&checked)
    );
}

/// A clean run: its one result line (`Собрано 4 страницы (…)`, `Проверено …`) and nothing else
/// — no warning and hence no summary line either.
fn assert_silent(o: &std::process::Output, result: &str) {
    assert_eq!(other_lines(o, result), Vec::<String>::new());
    assert!(
        stderr(o).lines().any(|l| l.starts_with(result)),
        "{}",
        stderr(o)
    );
}

/// Without `--base-url` the address is not known yet: `site.yaml` has it commented out and
/// explained, `init` says where to write it, and build and check say nothing about it
/// (issue #20: `init x && --root x build && --root x check` succeed, silent).
#[test]
fn without_an_address_build_and_check_are_silent() {
    let tmp = tempfile::tempdir().unwrap();
    let o = pamyatka(tmp.path(), &["init", tmp.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("строка base_url"), "{}", stderr(&o));
    let site_yaml = read(tmp.path(), "content/site.yaml");
    assert!(
        site_yaml.contains("раскомментируйте её") && site_yaml.contains("\n# base_url: "),
        "{site_yaml}"
    );
    assert!(!site_yaml.contains("\nbase_url:"), "{site_yaml}");
    let built = pamyatka(tmp.path(), &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert_silent(&built, "Собран");
    // Paths from the site's root where the address would be.
    let sitemap = read(tmp.path(), "public/sitemap.xml");
    assert!(sitemap.contains("<loc>/</loc>"), "{sitemap}");
    let checked = pamyatka(tmp.path(), &["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert_silent(&checked, "Проверен");

    // A placeholder written in is still reported by `check` (it would be published as is).
    let placeholder = site_yaml.replace(
        "# base_url: \"https://pamyatka.edu22.ru\"",
        "base_url: \"https://example.org\"",
    );
    std::fs::write(tmp.path().join("content/site.yaml"), placeholder).unwrap();
    let checked = pamyatka(tmp.path(), &["check"]);
    let err = stderr(&checked);
    let warnings: Vec<_> = err.lines().filter(|l| l.contains('⚠')).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].contains("`base_url` — заглушка"),
        "{warnings:?}"
    );
}

/// `init`'s words in English with `--lang en`.
#[test]
fn init_speaks_english_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let o = pamyatka_en(tmp.path(), &["init", tmp.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Created a new site in"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("the base_url line"), "{}", stderr(&o));
    let again = pamyatka_en(tmp.path(), &["init", tmp.path().to_str().unwrap()]);
    assert!(
        stderr(&again).contains("is not empty"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_folder_with_files_is_refused_and_left_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let before = snapshot_tree(tmp.path());
    let o = pamyatka(tmp.path(), &["init", tmp.path().to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("уже есть файлы"), "{}", stderr(&o));
    assert_eq!(snapshot_tree(tmp.path()), before);

    // The default folder is the current one.
    let o = command()
        .arg("init")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("уже есть файлы"), "{}", stderr(&o));
}
