//! Screenshots (issue #23): a large PNG in `content/` is written in several widths as PNG and
//! lossless WebP, shown with `srcset`, its size and a link to the original, its highlights
//! drawn and listed in both versions and found by the search; the offline bundle and the
//! service worker carry its mid width alone; bad highlights are located errors; `check`
//! reports an unused image and an unlabelled highlight.

mod common;

use std::path::Path;

use common::*;

/// A PNG whose narrower copies weigh less (smooth colours, as in a photograph; a screenshot's
/// narrower copy may weigh more, and is then left out: `images::sizing`'s unit tests).
fn screenshot(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width) as u8,
            (y * 255 / height) as u8,
            ((x + y) * 127 / (width + height)) as u8 + 64,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

const HIGHLIGHTS: &str = "highlights:\n\
  - {x: 200, y: 300, w: 800, h: 60, label: \"Поле «Логин» в окне входа\"}\n\
  - {x: 1500, y: 1000, w: 400, h: 100, label: \"Кнопка «Войти через Госуслуги»\"}\n";

/// The fixture site with `content/guides/okno.png` (2000 × 1200, highlights beside it) shown
/// alone in a paragraph of `content/guides/vhod.md`.
fn site_with_screenshot() -> tempfile::TempDir {
    let dir = site("basic");
    let guides = dir.path().join("content/guides");
    std::fs::write(guides.join("okno.png"), screenshot(2000, 1200)).unwrap();
    std::fs::write(guides.join("okno.png.yaml"), HIGHLIGHTS).unwrap();
    std::fs::write(
        guides.join("vhod.md"),
        "---\ntitle: \"Вход\"\n---\n\nВведение.\n\n## Шаг 1\n\nОткройте окно входа.\n\n\
         ![Окно входа в систему](/guides/okno.png \"Рисунок 1. Окно входа\")\n\nДальше.\n",
    )
    .unwrap();
    dir
}

fn decoded(path: &Path) -> image::DynamicImage {
    image::load_from_memory(&std::fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_screenshot_is_written_in_widths_and_shown_with_its_size_link_and_highlights() {
    let dir = site_with_screenshot();
    let root = dir.path();
    let o = pamyatka(root, &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let public = root.join("public/guides");

    // Every width, never wider than the original, in both formats; each decodes at its size.
    for (w, h) in [(480, 288), (960, 576), (1440, 864)] {
        for ext in ["png", "webp"] {
            let img = decoded(&public.join(format!("okno-{w}w.{ext}")));
            assert_eq!((img.width(), img.height()), (w, h), "okno-{w}w.{ext}");
        }
    }
    let full = decoded(&public.join("okno-2000w.webp"));
    assert_eq!((full.width(), full.height()), (2000, 1200));
    assert!(!public.join("okno-2880w.png").exists());
    // The original at its own path, recompressed losslessly: the same pixels, fewer bytes.
    let original = std::fs::read(root.join("content/guides/okno.png")).unwrap();
    let written = std::fs::read(public.join("okno.png")).unwrap();
    assert!(written.len() <= original.len());
    assert_eq!(
        decoded(&public.join("okno.png")).to_rgb8(),
        image::load_from_memory(&original).unwrap().to_rgb8()
    );
    assert_eq!(
        full.to_rgb8(),
        image::load_from_memory(&original).unwrap().to_rgb8(),
        "lossless WebP"
    );

    let page = read(root, "public/guides/vhod/index.html");
    assert!(
        page.contains("<source type=\"image/webp\" srcset=\"../okno-480w.webp 480w, ../okno-960w.webp 960w, ../okno-1440w.webp 1440w, ../okno-2000w.webp 2000w\""),
        "{page}"
    );
    assert!(
        page.contains("src=\"../okno-960w.png\" srcset=\"../okno-480w.png 480w, ../okno-960w.png 960w, ../okno-1440w.png 1440w, ../okno.png 2000w\""),
        "{page}"
    );
    assert!(
        page.contains("width=\"2000\" height=\"1200\" alt=\"Окно входа в систему\" loading=\"lazy\" decoding=\"async\""),
        "{page}"
    );
    assert!(
        page.contains("<a class=\"shot__zoom\" href=\"../okno.png\""),
        "{page}"
    );
    assert!(
        page.contains("(открыть в полном размере)</span></a>"),
        "{page}"
    );
    assert!(
        page.contains("<figcaption>Рисунок 1. Окно входа</figcaption>"),
        "{page}"
    );
    // The highlights: boxes in percentages of the image, and the list with the same numbers.
    assert!(
        page.contains("x=\"10%\" y=\"25%\" width=\"40%\" height=\"5%\""),
        "{page}"
    );
    let legend = "<ol class=\"shot__legend\">\n<li>Поле «Логин» в окне входа</li>\n<li>Кнопка «Войти через Госуслуги»</li>\n</ol>";
    assert!(page.contains(legend), "{page}");

    // The low-vision version: the list in view, the image behind a control.
    let lv = read(root, "public/lv/guides/vhod/index.html");
    assert!(lv.contains(legend), "{lv}");
    assert!(
        lv.contains("<details class=\"shot__more\"><summary>Показать изображение</summary><a class=\"shot__zoom\" href=\"../../../guides/okno.png\""),
        "{lv}"
    );
    assert!(
        !lv.contains("lv-alt\">Изображение: Окно"),
        "not the plain images' text: {lv}"
    );

    // The search finds the highlights' labels.
    let search: String = std::fs::read_dir(root.join("public/search"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        search.contains("Кнопка «Войти через Госуслуги»"),
        "labels not in the search"
    );
}

#[test]
fn offline_the_mid_width_alone() {
    let dir = site_with_screenshot();
    let root = dir.path();
    let o = pamyatka(root, &["build", "--no-minify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let zip = std::fs::File::open(root.join("public/offline.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(zip).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.contains("okno"))
        .map(String::from)
        .collect();
    assert_eq!(names, ["pamyatka/guides/okno-960w.webp"]);
    let mut copy = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("pamyatka/guides/vhod/index.html").unwrap(),
        &mut copy,
    )
    .unwrap();
    assert!(
        copy.contains("src=\"../okno-960w.webp\" srcset=\"\""),
        "the copy shows the bundled width: {copy}"
    );
    assert!(!copy.contains("<source"), "{copy}");
    assert!(
        copy.contains("<a class=\"shot__zoom\" href=\"../okno-960w.webp\""),
        "{copy}"
    );

    let sw = read(root, "public/sw.js");
    assert!(sw.contains("\"guides/okno-960w.webp\""), "precached");
    let files = sw.lines().find(|l| l.starts_with("const FILES")).unwrap();
    assert!(
        !files.contains("guides/okno.png") && !files.contains("okno-480w"),
        "{files}"
    );
    assert!(
        sw.contains("\"guides/okno.png\":\"guides/okno-960w.webp\""),
        "the stand-in offline"
    );
}

#[test]
fn a_highlight_outside_the_image_is_an_error_at_its_line_and_the_output_stays() {
    let dir = site_with_screenshot();
    let root = dir.path();
    let o = pamyatka(root, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = snapshot_tree(&root.join("public"));
    std::fs::write(
        root.join("content/guides/okno.png.yaml"),
        "highlights:\n  - {x: 10, y: 10, w: 10, h: 10, label: a}\n  - x: 1900\n    y: 0\n    w: 200\n    h: 50\n    label: b\n",
    )
    .unwrap();
    let o = pamyatka(root, &["build"]);
    assert!(!o.status.success());
    // miette wraps long messages: read them as one line.
    let err = stderr(&o).replace("\n  │ ", " ");
    assert!(err.contains("content/guides/okno.png.yaml:3:5"), "{err}");
    assert!(
        err.contains("Выделение 2 выходит за край изображения: его правый край — 2100, нижний — 50, а изображение 2000 × 1200"),
        "{err}"
    );
    assert_eq!(snapshot_tree(&root.join("public")), before, "output kept");
}

#[test]
fn check_reports_an_unused_image_and_a_highlight_without_a_label() {
    let dir = site_with_screenshot();
    let root = dir.path();
    std::fs::write(
        root.join("content/guides/okno.png.yaml"),
        "highlights:\n  - {x: 10, y: 10, w: 10, h: 10, label: \" \"}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/guides/lishnee.png"),
        screenshot(300, 200),
    )
    .unwrap();
    let o = pamyatka(root, &["check"]);
    assert!(!o.status.success());
    let err = stderr(&o).replace("\n  │ ", " ");
    assert!(
        err.contains("Изображение content/guides/lishnee.png не используется ни на одной странице"),
        "{err}"
    );
    assert!(err.contains("content/guides/okno.png.yaml:2:5"), "{err}");
    assert!(err.contains("У выделения 1 нет подписи"), "{err}");
    assert!(!err.contains("okno.png не используется"), "{err}");
}

#[test]
fn a_very_wide_image_is_a_warning_with_its_size() {
    let dir = site("basic");
    let root = dir.path();
    std::fs::write(
        root.join("content/guides/shirokoe.png"),
        screenshot(3200, 90),
    )
    .unwrap();
    let o = pamyatka(root, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o).replace("\n  │ ", " ");
    assert!(
        err.contains("Изображение content/guides/shirokoe.png шириной 3200 пикселей (высота 90): шире 3000 пикселей"),
        "{err}"
    );
}
