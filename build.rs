//! Builds the checks crate (`wasm/`) for the browser and runs wasm-bindgen on it, so that the
//! `pamyatka` binary carries the WASM module and its JavaScript glue and `pamyatka build` alone
//! ships them to `public/`.
//!
//! The nested `cargo build` uses its own target dir (`target/wasm-build`): sharing the outer one
//! would deadlock on cargo's lock. It is shared by every outer profile (check, test, release), so
//! the module is compiled once. `CARGO_ENCODED_RUSTFLAGS` is cleared: flags meant for the host
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
    // OUT_DIR is <target>/<profile>/build/<pkg>/out (or <target>/<triple>/<profile>/…).
    let target_root = out
        .ancestors()
        .find(|p| p.file_name().is_some_and(|n| n == "build"))
        .and_then(|b| b.parent())
        .and_then(|profile| profile.parent())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| manifest.join("target"));
    let wasm_target = target_root.join("wasm-build");

    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(&manifest)
        .args([
            "build",
            "--locked",
            "--package",
            "pamyatka-checks",
            "--lib",
            "--profile",
            "wasm",
        ])
        .args(["--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&wasm_target)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
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
        panic!("building the checks crate for wasm32 failed:\n{stderr}");
    }
    let wasm = wasm_target.join("wasm32-unknown-unknown/wasm/pamyatka_checks.wasm");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&wasm)
        .no_modules(true)
        .expect("no-modules output")
        .typescript(false)
        .debug(false)
        .remove_name_section(true)
        .remove_producers_section(true);
    bindgen.generate(&out).expect("wasm-bindgen");
    // The generated file names follow the crate: pamyatka_checks.js, pamyatka_checks_bg.wasm.
    for f in ["pamyatka_checks.js", "pamyatka_checks_bg.wasm"] {
        assert!(out.join(f).is_file(), "wasm-bindgen did not write {f}");
    }
}
