//! The site's browser scripts: one that does not parse stops the build at its line and column;
//! the types the script checks read (`tests/js/types/checks-*.d.ts`) are wasm-bindgen's own.

mod common;

use common::*;

#[test]
fn a_script_that_does_not_parse_fails_the_build_at_its_line_and_column() {
    let dir = site("basic");
    assert!(pamyatka(dir.path(), &["build"]).status.success());
    let before = snapshot_tree(&dir.path().join("public"));
    let assets = dir.path().join("templates/assets");
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::write(
        assets.join("calc.js"),
        "(function () {\n  \"use strict\";\n  var x = ;\n})();\n",
    )
    .unwrap();
    for args in [&["build"][..], &["build", "--no-minify"]] {
        let o = pamyatka(dir.path(), args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("Скрипт не разбирается"), "{err}");
        assert!(err.contains("templates/assets/calc.js:3:11"), "{err}");
        assert_eq!(
            snapshot_tree(&dir.path().join("public")),
            before,
            "the previous output stays"
        );
    }
    let o = pamyatka_en(dir.path(), &["build"]);
    assert!(
        stderr(&o).contains("The script does not parse"),
        "{}",
        stderr(&o)
    );
}

/// The declarations wasm-bindgen wrote for each module (build.rs) are the ones committed for
/// `tsc --checkJs` (tests/js). `PAMYATKA_UPDATE_TYPES=1 cargo test --test scripts` rewrites them.
#[test]
fn the_wasm_modules_types_are_the_generated_ones() {
    let generated = [
        (
            "checks-deadline.d.ts",
            include_str!(concat!(env!("OUT_DIR"), "/checks-deadline.d.ts")),
        ),
        (
            "checks-archive.d.ts",
            include_str!(concat!(env!("OUT_DIR"), "/checks-archive.d.ts")),
        ),
        (
            "checks-account.d.ts",
            include_str!(concat!(env!("OUT_DIR"), "/checks-account.d.ts")),
        ),
        (
            "checks-search.d.ts",
            include_str!(concat!(env!("OUT_DIR"), "/checks-search.d.ts")),
        ),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/types");
    let update = std::env::var_os("PAMYATKA_UPDATE_TYPES").is_some();
    for (name, text) in generated {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, text).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "tests/js/types/{name} is not what wasm-bindgen generates: run \
             PAMYATKA_UPDATE_TYPES=1 cargo test --test scripts"
        );
    }
}
