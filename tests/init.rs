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
    assert!(stderr(&o).contains("Created a new site"), "{}", stderr(&o));
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
    assert!(
        stderr(&built).contains(", 0 warning(s)"),
        "{}",
        stderr(&built)
    );
    assert_eq!(other_lines(&built, "Built "), Vec::<String>::new());

    let checked = pamyatka(&site, &["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert_eq!(other_lines(&checked, "Checked "), Vec::<String>::new());
    assert!(
        stderr(&checked).contains("no problems found"),
        "{}",
        stderr(&checked)
    );
}

/// Without `--base-url` the address is a placeholder: the one thing `check` reports (it must,
/// until the address is set), and `init` says so.
#[test]
fn without_an_address_check_reminds_of_it_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let o = pamyatka(tmp.path(), &["init", tmp.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Set base_url"), "{}", stderr(&o));
    let built = pamyatka(tmp.path(), &["build"]);
    assert!(
        stderr(&built).contains(", 0 warning(s)"),
        "{}",
        stderr(&built)
    );
    let checked = pamyatka(tmp.path(), &["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    let warnings: Vec<_> = stderr(&checked)
        .lines()
        .filter(|l| l.contains('⚠'))
        .map(str::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{}", stderr(&checked));
    assert!(
        warnings[0].contains("`base_url` — заглушка"),
        "{warnings:?}"
    );
}

#[test]
fn a_folder_with_files_is_refused_and_left_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let before = snapshot_tree(tmp.path());
    let o = pamyatka(tmp.path(), &["init", tmp.path().to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is not empty"), "{}", stderr(&o));
    assert_eq!(snapshot_tree(tmp.path()), before);

    // The default folder is the current one.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pamyatka"))
        .arg("init")
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is not empty"), "{}", stderr(&o));
}
