//! The site's browser scripts: the types the script checks read (`tests/js/types/checks-*.d.ts`) are wasm-bindgen's own.

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
