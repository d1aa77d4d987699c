//! The `pamyatka` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use pamyatka::diagnostic::{Diagnostic, Diagnostics, group};
use pamyatka::i18n::{self, Lang};
use pamyatka::pipeline::{self, BuildOptions, BuildResult};
use pamyatka::{check, scaffold, serve, tr};

mod cli_lang;

/// Build the памятки portal: Markdown + YAML memos in content/ → an accessible static site.
#[derive(Parser)]
#[command(name = "pamyatka", version, about, long_about = None)]
struct Cli {
    /// The site's folder: it holds content/ (and optionally templates/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// Where the built site goes (relative paths are under --root).
    #[arg(long, global = true, default_value = "public", value_name = "DIR")]
    out: PathBuf,
    /// Print per-phase timings and more detail.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// The language of the messages: ru or en (default: the locale's, Russian when unset).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["ru", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into --out. The previous output is replaced only if the whole build
    /// succeeds; on any error it stays exactly as it was.
    Build {
        /// Keep the stylesheets and scripts readable (skip their minification; pages are
        /// never minified: it saved ~3 % of their gzip size for a third of the build's time).
        #[arg(long)]
        no_minify: bool,
        /// Rebuild every page, ignoring the previous build's cache (by default a build
        /// re-renders only the pages the changes touch).
        #[arg(long)]
        clean: bool,
    },
    /// Build, serve --out on 127.0.0.1, rebuild on every change in content/ or templates/ and
    /// reload the open pages. Errors are shown in the terminal and on the page; the last good
    /// site keeps being served.
    Serve {
        /// Port to listen on (0 picks a free one).
        #[arg(long, short, default_value_t = 8000)]
        port: u16,
    },
    /// Check the content without writing anything: front matter, templates, and that every
    /// internal link and #anchor resolves (reported with file:line:column).
    Check {
        /// Also ask for every web address the content links to (the only command that uses
        /// the network): dead links are errors, redirected ones warnings. Answers are kept
        /// for a day in .pamyatka/links.json.
        #[arg(long)]
        external: bool,
        /// Ask again for every address, whatever the cache holds.
        #[arg(long, requires = "external")]
        no_cache: bool,
        /// Seconds to wait for a connection and for an answer.
        #[arg(
            long,
            hide = true,
            env = "PAMYATKA_LINK_TIMEOUT",
            default_value_t = 10.0
        )]
        timeout: f64,
    },
    /// Compute a deadline from a Russian deadline text, by the Civil Code (arts. 190–194) and the
    /// production calendar in content/calendar/. Prints one entry per rule in the text; exits 1
    /// when no rule gives a date (the reasons on stderr).
    Deadline {
        /// The text, e.g. "в течение 5 рабочих дней после получения заявки".
        text: String,
        /// The event: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for periods in hours. For annual dates,
        /// the reference date (the next occurrence not before it is given).
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Print JSON (an array, one object per rule).
        #[arg(long)]
        json: bool,
    },
    /// Run a validator: check digits of СНИЛС, ИНН, ОГРН(ИП), or ФИОКО document archives
    /// (name, size, format, entries, required documents). Exit 0 when valid / nothing rejected.
    Validate {
        #[command(subcommand)]
        what: ValidateCommand,
    },
    /// Search the built site (--out) as its search page does: prints the best results, and
    /// the corrected query when a misspelt word was found by its correction.
    Search {
        /// The query, e.g. "восстановить пароль".
        query: String,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON (the search page's results).
        #[arg(long)]
        json: bool,
    },
    /// Make a new site in DIR: settings with every field explained, a home page, a search
    /// page, an example guide with a checklist, the JSON Schemas and the editor settings that
    /// use them (VS Code). DIR must be empty or new.
    Init {
        /// The new site's folder.
        #[arg(default_value = ".", value_name = "DIR")]
        dir: PathBuf,
        /// The address the site will be published at (site.yaml's base_url); without it a
        /// placeholder, which `check` reports until it is set.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Write the JSON Schemas of the content files (front matter, site.yaml, every kind of
    /// data file) for the editor's help while typing, one file per kind.
    Schema {
        /// Where to write them (default: schemas/ under --root).
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Create a new page from a template.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
}

#[derive(Subcommand)]
enum ValidateCommand {
    /// СНИЛС: 11 digits, spaces and dashes allowed (123-456-789 64).
    Snils {
        value: String,
        #[arg(long)]
        json: bool,
    },
    /// ИНН of a person (12 digits) or of an organisation (10); says which it is.
    Inn {
        value: String,
        #[arg(long)]
        json: bool,
        /// Only a person's ИНН (12 digits) is valid.
        #[arg(long, conflicts_with = "org")]
        person: bool,
        /// Only an organisation's ИНН (10 digits) is valid.
        #[arg(long)]
        org: bool,
    },
    /// ОГРН (13 digits) or ОГРНИП (15).
    Ogrn {
        value: String,
        #[arg(long)]
        json: bool,
    },
    /// One or more archives against the ФИОКО rule.
    Archive {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The rule (default: content/fioko/archive-rule.yaml under --root).
        #[arg(long, value_name = "FILE")]
        rule: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// Create content/NAME.md with the parts every guide needs (NAME like esia/privyazka).
    Guide { name: String },
}

fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stderr().is_terminal()
        && console_shows_colours()
}

/// The Windows console shows ANSI colours only once asked to (the Windows 10 one prints
/// `←[31m` otherwise); where it cannot (an old console, stdout redirected), the messages go
/// without colours.
#[cfg(windows)]
fn console_shows_colours() -> bool {
    anstyle_query::windows::enable_ansi_colors().unwrap_or(false)
}

#[cfg(not(windows))]
fn console_shows_colours() -> bool {
    true
}

fn print_diagnostics(list: &[Diagnostic]) {
    let color = color();
    for d in list {
        eprintln!("{}", d.render(color));
    }
}

/// Prints `list` with the same warning shown a few times and then summed up in one line
/// (`all`: every one in full; see `diagnostic::group`).
fn print_grouped(list: &[Diagnostic], all: bool) {
    for block in group::render(list, all, color()) {
        eprintln!("{block}");
    }
}

/// The last line: errors and warnings counted by kind (nothing when there are none).
fn print_summary(list: &[Diagnostic]) {
    if let Some(line) = group::summary_line(list) {
        eprintln!("{line}");
    }
}

fn print_timings(timings: &[(&'static str, std::time::Duration)]) {
    for (name, d) in timings {
        let name = timing_label(name);
        eprintln!(
            "  {name:<12} {}",
            tr!(
                "cli-timing-ms",
                ms = format!("{:>8.1}", d.as_secs_f64() * 1000.0)
            )
        );
    }
}

/// A build phase's name (`pipeline`'s) in the current language.
fn timing_label(name: &str) -> String {
    match name {
        "load" => tr!("cli-timing-load"),
        "templates" => tr!("cli-timing-templates"),
        "render" => tr!("cli-timing-render"),
        "index" => tr!("cli-timing-index"),
        "files+zip" => tr!("cli-timing-files"),
        "home" => tr!("cli-timing-home"),
        "commit" | "write" => tr!("cli-timing-commit"),
        "cache" => tr!("cli-timing-cache"),
        other => other.to_owned(),
    }
}

/// `ошибка: …` / `error: …`: a failure that is not a diagnostic of the site.
fn print_error(message: impl std::fmt::Display) {
    eprintln!("{}: {message}", tr!("diag-error"));
}

fn report(result: &BuildResult, verbose: bool) {
    match &result.outcome {
        Ok(r) => {
            if let Some(note) = &r.note {
                eprintln!("{note}");
            }
            print_grouped(&r.warnings, verbose);
            // The warnings are counted by the summary below, once.
            eprintln!(
                "{}",
                tr!("cli-build-done", pages = r.pages, files = r.files)
            );
            if let Some((rendered, sources)) = r.rebuilt {
                eprintln!(
                    "{}",
                    tr!(
                        "cli-build-incremental",
                        rendered = rendered,
                        sources = sources
                    )
                );
            }
            if verbose {
                print_timings(&r.timings);
            }
            print_summary(&r.warnings);
        }
        Err(d) => {
            fail(d, verbose);
            eprintln!("{}", tr!("cli-build-failed", errors = d.errors().count()));
            print_summary(&d.diagnostics);
        }
    }
}

/// Prints a failed compile's diagnostics, errors first (the caller says what failed).
fn fail(d: &Diagnostics, all: bool) {
    let mut sorted: Vec<Diagnostic> = d.diagnostics.clone();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    print_grouped(&sorted, all);
}

/// The language asked for by `--lang LANG` or `--lang=LANG` (read before clap, which speaks
/// it too), else by the locale. An unknown value is left for clap to reject.
fn language(args: &[std::ffi::OsString]) -> Lang {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::from_env()
}

/// The command line parsed by clap with its help and errors in the current language; on help,
/// version or an error, what clap's exit would have been.
fn parse(args: Vec<std::ffi::OsString>) -> Result<Cli, ExitCode> {
    let command = cli_lang::localize(Cli::command());
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| {
        let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        match cli_lang::error_text(&e) {
            Some(text) => eprintln!("{text}"),
            None => {
                let _ = e.print();
            }
        }
        code
    })
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::set_lang(language(&args));
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let out = if cli.out.is_absolute() {
        cli.out.clone()
    } else {
        cli.root.join(&cli.out)
    };
    let opts = BuildOptions {
        root: cli.root.clone(),
        out,
        minify: true,
        cache: pipeline::CacheUse::Off,
    };
    match cli.command {
        Command::Build { no_minify, clean } => {
            let opts = BuildOptions {
                minify: !no_minify,
                cache: if clean {
                    pipeline::CacheUse::Clean
                } else {
                    pipeline::CacheUse::Incremental
                },
                ..opts
            };
            let result = pipeline::build_result(&opts);
            report(&result, cli.verbose);
            let code = if result.outcome.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
            // The process ends here: freeing the project (every page's text, the site, the
            // templates) and the report, tens of milliseconds at 10 000 pages, is left to the
            // system, which takes the memory back at once.
            std::mem::forget(result);
            code
        }
        Command::Serve { port } => {
            let verbose = cli.verbose;
            match serve::serve(&opts, port, move |r| report(r, verbose)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    print_error(e);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check {
            external,
            no_cache,
            timeout,
        } => match pipeline::compile(&opts.root, false, &pamyatka::sink::CheckSink) {
            Ok(compiled) => {
                // `check` is asked for the list of problems: every one in full.
                let mut problems = check::check(&compiled);
                let mut all = check::plain_warnings(&compiled);
                let pages = compiled.pages.len();
                let mut checked = tr!("cli-check-done", pages = pages);
                if external {
                    let report = external_links(&compiled, no_cache, timeout);
                    checked = tr!(
                        "cli-check-done-external",
                        pages = pages,
                        links = report.links,
                        cached = report.cached
                    );
                    let (errors, redirects): (Vec<_>, Vec<_>) = report
                        .diagnostics
                        .into_iter()
                        .partition(Diagnostic::is_error);
                    problems.extend(errors);
                    all.extend(redirects);
                }
                all.extend(problems.iter().cloned());
                print_diagnostics(&all);
                if cli.verbose {
                    print_timings(&compiled.timings);
                }
                let code = if problems.is_empty() {
                    eprintln!("{checked}");
                    ExitCode::SUCCESS
                } else {
                    eprintln!("{}", tr!("cli-check-failed", problems = problems.len()));
                    ExitCode::FAILURE
                };
                print_summary(&all);
                code
            }
            Err(d) => {
                fail(&d, true);
                // `check` never writes: say so rather than speak of an output it did not touch.
                eprintln!(
                    "{}",
                    tr!("cli-check-failed-errors", errors = d.errors().count())
                );
                print_summary(&d.diagnostics);
                ExitCode::FAILURE
            }
        },
        Command::Validate { what } => validate(&cli.root, what),
        Command::Deadline { text, from, json } => deadline(&cli.root, &text, &from, json),
        Command::Search { query, limit, json } => search(&opts.out, &query, limit, json),
        Command::Init { dir, base_url } => {
            match pamyatka::init::init(&dir, base_url.as_deref(), &today()) {
                Ok(()) => {
                    eprintln!(
                        "{}",
                        pamyatka::init::messages::done(&dir, base_url.is_none())
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    print_error(e);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Schema { dir } => {
            let dir = dir.unwrap_or_else(|| cli.root.join(pamyatka::schema::DEFAULT_DIR));
            match pamyatka::schema::write(&dir) {
                Ok(files) => {
                    eprintln!("{}", pamyatka::schema::messages::written(&dir, files.len()));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    print_error(pamyatka::schema::messages::io(&dir, &e));
                    ExitCode::FAILURE
                }
            }
        }
        Command::New {
            what: NewCommand::Guide { name },
        } => {
            let today = today();
            match scaffold::new_guide(&cli.root, &name, &today) {
                Ok(created) => {
                    let guide = created.guide.display().to_string();
                    eprintln!("{}", tr!("cli-new-created", file = guide));
                    for index in &created.sections {
                        let file = index.display().to_string();
                        eprintln!("{}", tr!("cli-new-created-section", file = file));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    print_error(e);
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `check --external`: asks for the site's web addresses, saying first how many.
fn external_links(
    compiled: &pipeline::Compiled,
    no_cache: bool,
    timeout: f64,
) -> pamyatka::external::Report {
    let opts = pamyatka::external::Options {
        timeout: std::time::Duration::from_secs_f64(timeout.clamp(0.1, 600.0)),
        use_cache: !no_cache,
    };
    eprintln!("{}", tr!("cli-external-checking"));
    let report = pamyatka::external::check(&compiled.project.site, &opts);
    if let Some(e) = &report.cache_error {
        eprintln!("{}: {e}", tr!("diag-warning"));
    }
    report
}

fn search(out: &std::path::Path, query: &str, limit: usize, json: bool) -> ExitCode {
    let r = match pamyatka::search_index::search_built(out, query, limit) {
        Ok(r) => r,
        Err(e) => {
            print_error(e);
            return ExitCode::FAILURE;
        }
    };
    if json {
        println!("{}", serde_json::to_string(&r).expect("serializable"));
        return ExitCode::SUCCESS;
    }
    if let Some(c) = &r.correction {
        println!("{}", tr!("cli-search-correction", query = c));
    }
    for h in &r.hits {
        println!("{}\t{}\t{}", h.score, h.url, h.title);
    }
    ExitCode::SUCCESS
}

fn deadline(root: &std::path::Path, text: &str, from: &str, json: bool) -> ExitCode {
    use pamyatka_checks::deadline;
    let Some(from) = deadline::From::parse(from) else {
        print_error(tr!("cli-deadline-bad-from", from = from));
        return ExitCode::FAILURE;
    };
    let calendar = match pamyatka::data::calendar::load_dir(root) {
        Ok(c) => c,
        Err(errors) => {
            print_diagnostics(&errors);
            return ExitCode::FAILURE;
        }
    };
    let rules = match deadline::parse(text) {
        Ok(r) => r,
        Err(e) => {
            print_error(tr!(
                "cli-deadline-unreadable",
                clause = e.clause.as_str(),
                reason = pamyatka::data::regulation::parse_reason(&e)
            ));
            return ExitCode::FAILURE;
        }
    };
    let results = deadline::compute_all(&rules, from, &calendar);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&results).expect("serializable")
        );
    } else {
        for r in &results {
            print_deadline(r);
        }
    }
    // What could be computed is printed above; a text that gives no date at all is a failure
    // (scripts must not take «—» for an answer).
    if results.iter().all(|r| r.deadline.is_none()) {
        let why: Vec<String> = results
            .iter()
            .map(|r| match &r.rule {
                deadline::Rule::Text { text } => tr!("cli-deadline-no-period", text = text),
                _ if r.warnings.is_empty() => tr!("cli-deadline-no-date", kind = r.kind),
                _ => r.warnings.join("; "),
            })
            .collect();
        print_error(tr!(
            "cli-deadline-none",
            text = text,
            date = from.date.to_string(),
            reasons = why.join("; ")
        ));
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// One computed rule as text: the text's date first, then the safe date (the one to act on),
/// then the art. 193 move as a legal note; one line when the three coincide. The program's
/// words follow the language; the computed warnings are the calculator's Russian texts (the
/// same the site shows its readers).
fn print_deadline(r: &pamyatka_checks::deadline::Computed) {
    use pamyatka::data::calendar::weekday;
    use pamyatka_checks::{calendar::NotInForce, date::IsoDate, deadline::Due};
    let label = match r.kind {
        "calendar_days" => tr!("cli-deadline-kind-calendar-days"),
        "working_days" => tr!("cli-deadline-kind-working-days"),
        "hours" => tr!("cli-deadline-kind-hours"),
        "annual_by" => tr!("cli-deadline-kind-annual"),
        "monthly" => tr!("cli-deadline-kind-monthly"),
        _ => tr!("cli-deadline-kind-text"),
    };
    // 05.09.2026; with its weekday, 05.09.2026 (суббота)
    let ru = |d: IsoDate| pamyatka_checks::ru::date(d);
    let day = |d: IsoDate| format!("{} ({})", ru(d), weekday(d));
    // « (по проекту производственного календаря на 2027 год — …)» after a date counted on a
    // year not in force.
    let status = |years: &NotInForce| {
        let list: Vec<String> = years.years().map(|y| y.to_string()).collect();
        match list.as_slice() {
            [] => String::new(),
            [init @ .., last] => tr!(
                "cli-deadline-draft",
                years = if init.is_empty() {
                    last.clone()
                } else {
                    tr!("cli-deadline-years", init = init.join(", "), last = last)
                },
                count = list.len()
            ),
        }
    };
    let st = &r.calendar_status;
    let d = match r.deadline {
        None => {
            println!("{label}: —");
            return print_warnings(r);
        }
        // Hours: the moment, which the three dates share.
        Some(Due::DateTime(d, t)) => {
            println!("{label}: {} {:02}:{:02}", ru(d), t.hour(), t.minute());
            return print_warnings(r);
        }
        Some(Due::Date(d)) => d,
    };
    if let (Some(start), Some(end)) = (r.period_start, r.period_end) {
        println!(
            "{label}: {}",
            tr!("cli-deadline-period", start = ru(start), end = ru(end))
        );
        if let Some(last) = r.last_working_day {
            println!(
                "  {}{}",
                tr!("cli-deadline-last-working-day", date = day(last)),
                status(&st.last_working_day)
            );
        }
        return print_warnings(r);
    }
    let [nominal, safe, legal] = [r.nominal, r.safe, r.legal].map(|d| d.map(Due::date));
    match (nominal, safe, legal) {
        (Some(nominal), Some(safe), Some(legal)) if !(nominal == safe && safe == legal) => {
            println!("{label}");
            println!(
                "  {}{}",
                tr!("cli-deadline-nominal", date = day(nominal)),
                status(&st.nominal)
            );
            let safe_line = if safe == legal {
                tr!("cli-deadline-safe", date = day(safe))
            } else {
                tr!("cli-deadline-safe-last", date = day(safe))
            };
            println!("  {safe_line}{}", status(&st.safe));
            if legal != nominal {
                // A weekend is named in the editor's language; a holiday by its name in the
                // calendar file.
                let why = match &r.moved_because {
                    Some(w) if w == nominal.weekday_ru() => weekday(nominal),
                    Some(w) => w.clone(),
                    None => tr!("cli-deadline-day-off"),
                };
                println!(
                    "  {}{}",
                    tr!(
                        "cli-deadline-legal",
                        date = day(legal),
                        nominal = ru(nominal),
                        why = why
                    ),
                    status(&st.legal)
                );
            }
        }
        // No calendar data: the text's date, said to be that (the warning follows).
        (_, None, _) => println!(
            "{label}: {}{}",
            tr!("cli-deadline-as-written", date = day(d)),
            status(r.deadline_not_in_force())
        ),
        _ => println!(
            "{label}: {}{}",
            tr!("cli-deadline-date", date = day(d)),
            status(&st.all())
        ),
    }
    print_warnings(r);
}

fn print_warnings(r: &pamyatka_checks::deadline::Computed) {
    for w in &r.warnings {
        println!("  {}", tr!("cli-deadline-warning", warning = w));
    }
}

fn validate(root: &std::path::Path, what: ValidateCommand) -> ExitCode {
    use pamyatka::validate::{self, IdKind, InnOf};
    let (r, json) = match what {
        ValidateCommand::Snils { value, json } => {
            (validate::identifier(IdKind::Snils, &value), json)
        }
        ValidateCommand::Inn {
            value,
            json,
            person,
            org,
        } => {
            let of = match (person, org) {
                (true, _) => Some(InnOf::Person),
                (_, true) => Some(InnOf::Organisation),
                _ => None,
            };
            (validate::inn(&value, of), json)
        }
        ValidateCommand::Ogrn { value, json } => (validate::identifier(IdKind::Ogrn, &value), json),
        ValidateCommand::Archive { files, rule, json } => {
            let rule_path = rule.unwrap_or_else(|| root.join("content/fioko/archive-rule.yaml"));
            let rule = match pamyatka::data::rules::load_archive_rule(&rule_path) {
                Ok(r) => r,
                Err(d) => {
                    print_diagnostics(&[d]);
                    return ExitCode::FAILURE;
                }
            };
            let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
            let result = match validate::archives(&rule, &paths) {
                Ok(r) => r,
                Err(e) => {
                    print_error(e);
                    return ExitCode::from(2);
                }
            };
            let rejected = result
                .files
                .iter()
                .any(|f| f.verdict == pamyatka_checks::archive::Verdict::Reject);
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&result).expect("serializable")
                );
            } else {
                for f in &result.files {
                    let verdict = match f.verdict {
                        pamyatka_checks::archive::Verdict::Accept => tr!("cli-archive-accepted"),
                        pamyatka_checks::archive::Verdict::Warn => tr!("cli-archive-warned"),
                        pamyatka_checks::archive::Verdict::Reject => tr!("cli-archive-rejected"),
                    };
                    println!("{}: {verdict}", f.file);
                    for r in &f.reasons {
                        println!("  – {}", r.message);
                    }
                }
                for d in &result.duplicates {
                    println!("{}", d.message);
                }
            }
            return if rejected {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if json {
        println!("{}", serde_json::to_string(&r).expect("serializable"));
    } else if r.valid {
        match r.kind_name {
            Some(kind) => println!("{}: {}, {kind}", r.normalized, tr!("cli-validate-valid")),
            None => println!("{}: {}", r.normalized, tr!("cli-validate-valid")),
        }
    } else {
        for e in &r.errors {
            match r.kind_name.filter(|_| e.code != "wrong_kind") {
                Some(kind) => println!("{kind}: {}", e.message),
                None => println!("{}", e.message),
            }
        }
    }
    if r.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Today's date (UTC) as YYYY-MM-DD: `updated` of the pages `init` and `new guide` write.
fn today() -> String {
    pamyatka_checks::date::IsoDate(time::OffsetDateTime::now_utc().date()).to_string()
}

/// mimalloc instead of the system allocator: see its line in Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
