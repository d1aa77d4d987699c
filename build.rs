//! Builds the checks crate (`wasm/`) for the browser and runs wasm-bindgen on it, so that the
//! `pamyatka` binary carries the WASM module and its JavaScript glue and `pamyatka build` alone
//! ships them to `public/`.
//!
//! The nested `cargo build` uses its own target dir (`target/wasm-build`): sharing the outer one
//! would deadlock on cargo's lock. It is shared by every outer profile (check, test, release), so
//! the module is compiled once. `CARGO_ENCODED_RUSTFLAGS` is replaced: flags meant for the host
//! build must not leak into the wasm32 one.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    for p in ["wasm/src", "wasm/Cargo.toml", "Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={}", manifest.join(p).display());
    }
    let triple = env::var("TARGET").unwrap_or_default();
    let wasm_target = target_root(&out, &triple)
        .unwrap_or_else(|| manifest.join("target"))
        .join("wasm-build");

    // One module per kind of page (see wasm/src/web/mod.rs). Built one after the other into the
    // same target dir, so the dependencies are compiled once.
    for (feature, global) in MODULES {
        build_module(&manifest, &wasm_target, &out, feature, global);
    }
}

/// The outer build's target dir, from OUT_DIR: `<target>/<profile>/build/<pkg>/out`, or
/// `<target>/<triple>/<profile>/build/<pkg>/out` when cargo was given `--target` (the release
/// builds of `scripts/dist.sh`). Both give `<target>`, so every target and profile shares one
/// wasm build.
fn target_root(out: &Path, triple: &str) -> Option<PathBuf> {
    let build = out
        .ancestors()
        .find(|p| p.file_name().is_some_and(|n| n == "build"))?;
    let above_profile = build.parent()?.parent()?;
    if !triple.is_empty() && above_profile.file_name().is_some_and(|n| n == triple) {
        return above_profile.parent().map(Path::to_path_buf);
    }
    Some(above_profile.to_path_buf())
}

/// Cargo feature of the checks crate → the module's name and its JavaScript global.
const MODULES: &[(&str, &str)] = &[
    ("deadline", "pamyatkaDeadline"),
    ("archive", "pamyatkaArchive"),
    ("account", "pamyatkaAccount"),
    ("search", "pamyatkaSearch"),
];

fn build_module(manifest: &Path, wasm_target: &Path, out: &Path, feature: &str, global: &str) {
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(manifest)
        .args([
            "build",
            "--locked",
            "--package",
            "pamyatka-checks",
            "--lib",
            "--profile",
            "wasm",
            "--features",
            &format!("web-{feature}"),
        ])
        .args(["--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(wasm_target)
        .env("CARGO_ENCODED_RUSTFLAGS", remap_flags(manifest))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .output()
        .expect("run cargo for the wasm32 build");
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("target may not be installed")
            || stderr.contains("can't find crate for `core`")
        {
            panic!(
                "\n\nThe browser checks need the wasm32 target. Install it once with:\n\n    rustup target add wasm32-unknown-unknown\n\n(the README's commands do this for you)\n\n{stderr}"
            );
        }
        panic!("building the checks crate ({feature}) for wasm32 failed:\n{stderr}");
    }
    let wasm = wasm_target.join("wasm32-unknown-unknown/wasm/pamyatka_checks.wasm");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&wasm)
        .out_name(&format!("checks-{feature}"))
        .no_modules(true)
        .expect("no-modules output")
        .no_modules_global(global)
        .expect("no-modules global")
        .typescript(true)
        .debug(false)
        .remove_name_section(true)
        .remove_producers_section(true);
    bindgen.generate(out).expect("wasm-bindgen");
    // The generated files: checks-<feature>.js and checks-<feature>_bg.wasm, and the glue's
    // types, checks-<feature>.d.ts (not shipped: the type check of the page scripts reads a
    // copy, tests/js/types/, which tests/scripts.rs keeps equal to this one).
    for f in [
        format!("checks-{feature}.js"),
        format!("checks-{feature}_bg.wasm"),
        format!("checks-{feature}.d.ts"),
    ] {
        assert!(out.join(&f).is_file(), "wasm-bindgen did not write {f}");
    }
}

/// Flags for the nested build: none of the host's, but source paths remapped so that the panic
/// locations kept in the module name `sevenz-rust2-0.20.x/src/…` rather than this machine's
/// cargo home. The module is then the same bytes (and fingerprint) on every machine, and smaller.
fn remap_flags(manifest: &Path) -> String {
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let mut flags = Vec::new();
    if let Some(home) = cargo_home {
        // registry/src/<index>/<crate>-<version>/… → <crate>-<version>/…
        if let Ok(indexes) = std::fs::read_dir(home.join("registry").join("src")) {
            for index in indexes.flatten() {
                flags.push(format!("--remap-path-prefix={}/=", index.path().display()));
            }
        }
    }
    flags.push(format!("--remap-path-prefix={}/=", manifest.display()));
    flags.join("\x1f")
}
