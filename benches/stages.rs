//! Criterion benches of the hot functions of a build (issue #9), on pages of the repository's
//! own site: a page rendered in both versions end to end, and each stage on its own —
//! Markdown, the rewrite pass (alone, and with the `file://` copy for the offline bundle made in
//! the same pass), the `file://` copy as a pass of its own, and its compression.
//!
//!   cargo bench --bench stages            (all)
//!   cargo bench --bench stages -- rewrite (one stage)
//!
//! The whole-build comparison with Hugo and mdBook is `benches/run.sh`.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use pamyatka::project::Project;
use pamyatka::rewrite::{Glossary, RewriteOptions};
use pamyatka::variant::Variant;
use pamyatka::{bundle, offline, rewrite};

/// Pages of each kind: a guide with two validators, a plain guide, a regulation table.
const PAGES: &[(&str, &str)] = &[
    ("fioko-guide", "/fioko/dokumenty-ekspertov/"),
    (
        "plain-guide",
        "/shkola-testiruyushchaya/vnutrennyaya-pochta/",
    ),
    ("regulation", "/gis-obrazovanie/etap-1/"),
];

fn stages(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (project, _) = Project::load(root, false).expect("the repository's site loads");
    let glossary = Glossary::new(&project.site.glossary);
    for (name, url) in PAGES {
        let index = project
            .site
            .pages
            .iter()
            .position(|p| p.url == *url)
            .unwrap_or_else(|| panic!("{url} is not a page of the site"));
        let page = &project.site.pages[index];
        // The normal version as the template renders it (rewritten, not minified).
        let html = String::from_utf8(
            project.render_pages(&[index]).expect("renders").pages[0]
                .html
                .clone(),
        )
        .expect("UTF-8");
        let opts = RewriteOptions {
            page_url: url,
            glossary: &glossary,
            relative: true,
            variant: Variant::Normal,
            print_base: "https://example.org",
            facts: false,
        };
        let mut g = c.benchmark_group(*name);
        g.bench_function("page, both versions", |b| {
            b.iter(|| project.render_pages(&[index]).expect("renders"))
        });
        g.bench_function("markdown", |b| b.iter(|| project.markdown(page)));
        // The floor under the rewrite pass: lol_html reading and writing the page, no handlers.
        g.bench_function("lol_html alone", |b| {
            b.iter(|| {
                lol_html::rewrite_str(&html, lol_html::RewriteStrSettings::new())
                    .expect("passes through")
            })
        });
        g.bench_function("rewrite", |b| {
            b.iter(|| rewrite::rewrite_bytes(&html, &opts).expect("rewrites"))
        });
        g.bench_function("rewrite with its file:// copy (one pass)", |b| {
            b.iter(|| rewrite::rewrite_with_file_copy(&html, &opts).expect("rewrites"))
        });
        g.bench_function("file:// copy (a pass of its own)", |b| {
            b.iter(|| offline::for_file_url_bytes(html.as_bytes()).expect("rewrites"))
        });
        g.bench_function("deflate", |b| {
            let entry = [("index.html".to_string(), html.clone().into_bytes())];
            b.iter(|| bundle::compress_run(&entry).expect("compresses"))
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
