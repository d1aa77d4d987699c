//! The command line in the current language: clap's help (abouts, arguments, headings,
//! defaults, value names) from the catalogue, and clap's errors retold from their kind and
//! context. The derive structs in `main.rs` stay the definition of the arguments; their doc
//! comments are the English text's origin, `src/i18n/*.ftl` («Command line») the words shown.
//!
//! Message ids: a command's about is `cli-<path>-about` (`cli-about` for the program,
//! `cli-validate-inn-about`), a global argument's help `cli-arg-<id>`, another argument's
//! `cli-<path>-<id>` (ids hyphenated), a value name `cli-value-<name>`. The test below walks
//! the whole command tree and holds every one of them to both catalogues.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use pamyatka::i18n;
use pamyatka::tr;

/// `command` built (help and version arguments, the `help` subcommand, global arguments
/// copied into the subcommands) and put into the current language.
pub fn localize(mut command: Command) -> Command {
    command.build();
    localize_tree(command, &[])
}

fn localize_tree(mut command: Command, path: &[String]) -> Command {
    let about = about_id(path);
    command = command.about(i18n::message(&about, None)).long_about(None);
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let path = path.to_vec();
        command = command.mut_arg(id, move |arg| localize_arg(arg, &path));
    }
    let has_subcommands = command.has_subcommands();
    if has_subcommands {
        command = command
            .subcommand_value_name(leak(tr!("cli-value-command")))
            .subcommand_help_heading(leak(tr!("cli-heading-commands")));
    }
    let layout = template(&command);
    command = command.help_template(layout);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for (name, slot) in names.into_iter().zip(command.get_subcommands_mut()) {
        let mut sub_path = path.to_vec();
        sub_path.push(name);
        *slot = localize_tree(std::mem::take(slot), &sub_path);
    }
    let usage = usage(&mut command);
    command.override_usage(usage)
}

/// The path as message ids name it: the `help` subcommand's tree repeats the commands (`help
/// build`), which are named as themselves.
fn id_path(path: &[String]) -> Vec<&str> {
    if path.last().is_some_and(|p| p == "help") {
        return vec!["help"];
    }
    path.iter()
        .map(String::as_str)
        .filter(|p| *p != "help")
        .collect()
}

fn about_id(path: &[String]) -> String {
    let path = id_path(path);
    if path.is_empty() {
        "cli-about".to_owned()
    } else {
        format!("cli-{}-about", path.join("-"))
    }
}

fn arg_id(arg: &Arg, path: &[String]) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    let path = id_path(path);
    if arg.is_global_set() || id == "help" || id == "version" || path.is_empty() {
        format!("cli-arg-{id}")
    } else {
        format!("cli-{}-{id}", path.join("-"))
    }
}

fn localize_arg(arg: Arg, path: &[String]) -> Arg {
    let mut help = i18n::message(&arg_id(&arg, path), None);
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_value = arg.get_action().takes_values();
    if takes_value && !defaults.is_empty() {
        help = format!("{help} {}", tr!("cli-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .map(|v| v.get_name().to_owned())
        .collect();
    if takes_value && !possible.is_empty() {
        help = format!(
            "{help} {}",
            tr!("cli-possible", values = possible.join(", "))
        );
    }
    let mut arg = arg
        .help(help)
        .long_help(None)
        .hide_default_value(true)
        .hide_possible_values(true);
    if takes_value {
        let names: Vec<String> = match arg.get_value_names() {
            Some(names) => names.iter().map(|n| n.to_string()).collect(),
            None => vec![arg.get_id().as_str().to_uppercase()],
        };
        let names: Vec<&'static str> = names.iter().map(|n| leak(value_name(n))).collect();
        arg = arg.value_names(names);
    }
    if !arg.is_positional() {
        arg = arg.help_heading(leak(tr!("cli-heading-options")));
    }
    arg
}

/// `text` for the rest of the process: clap takes names and headings as `&'static str` (the
/// command is made once, at start-up, so this is a few dozen short strings).
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// A value's placeholder in the current language (`DIR` → `ПАПКА`); an unknown one as it is.
fn value_name(name: &str) -> String {
    let id = format!("cli-value-{}", name.to_lowercase().replace('_', "-"));
    let text = i18n::message(&id, None);
    if text == id { name.to_owned() } else { text }
}

/// The help's layout with the headings in the current language; only the sections the
/// command has.
fn template(command: &Command) -> String {
    let shown = |a: &&Arg| !a.is_hide_set();
    let positionals = command.get_positionals().filter(shown).count() > 0;
    let options = command
        .get_arguments()
        .filter(shown)
        .any(|a| !a.is_positional());
    let mut t = format!(
        "{{about-with-newline}}\n{} {{usage}}\n",
        tr!("cli-heading-usage")
    );
    if command.has_subcommands() {
        t += &format!("\n{}\n{{subcommands}}\n", tr!("cli-heading-commands"));
    }
    if positionals {
        t += &format!("\n{}\n{{positionals}}\n", tr!("cli-heading-arguments"));
    }
    if options {
        t += &format!("\n{}\n{{options}}\n", tr!("cli-heading-options"));
    }
    t + "{after-help}"
}

/// The usage line without its heading, `[OPTIONS]` in the current language.
fn usage(command: &mut Command) -> String {
    let text = command.render_usage().to_string();
    let text = text.trim();
    let text = text
        .split_once(':')
        .map_or(text, |(_, rest)| rest.trim_start());
    text.replace("[OPTIONS]", &format!("[{}]", tr!("cli-value-options")))
}

/// clap's error in the current language, with the usage and where to read more; the kinds
/// that are not errors (help, version) and the rare ones as clap writes them.
pub fn error_text(error: &clap::Error) -> Option<String> {
    let get = |kind| error.get(kind).and_then(value_text);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::UnknownArgument => tr!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            "cli-error-unknown-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            match get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                _ if value.is_empty() => tr!("cli-error-missing-value", arg = arg),
                Some(valid) => tr!(
                    "cli-error-invalid-value-of",
                    arg = arg,
                    value = value,
                    values = valid
                ),
                None => tr!("cli-error-invalid-value", arg = arg, value = value),
            }
        }
        ErrorKind::ValueValidation => tr!(
            "cli-error-invalid-value",
            arg = arg,
            value = get(ContextKind::InvalidValue).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => tr!("cli-error-missing-argument", arg = arg),
        ErrorKind::MissingSubcommand => tr!("cli-error-missing-command"),
        ErrorKind::ArgumentConflict => tr!(
            "cli-error-conflict",
            arg = arg,
            other = get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => tr!(
            "cli-error-unexpected-value",
            value = get(ContextKind::InvalidValue).unwrap_or_default()
        ),
        _ => return None,
    };
    // The first of clap's suggestions, as the editor would type it.
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        _ => None,
    });
    let mut text = format!("{}: {message}", tr!("diag-error"));
    if let Some(s) = suggestion {
        text += &format!("\n\n  {}", tr!("cli-error-suggestion", suggestion = s));
    }
    let mut bin = "pamyatka".to_owned();
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.split_once(':').map_or(usage, |(_, u)| u.trim_start());
        text += &format!("\n\n{} {usage}", tr!("cli-heading-usage"));
        // `pamyatka validate inn`: the command whose help tells more.
        bin = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect::<Vec<_>>()
            .join(" ");
    }
    text += &format!("\n\n{}", tr!("cli-error-more", command = bin));
    Some(text)
}

fn value_text(value: &ContextValue) -> Option<String> {
    Some(match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pamyatka::i18n::{Lang, message_in};

    /// Every id the tree asks for, with the command it belongs to.
    fn ids(command: &Command, path: &[String], out: &mut Vec<String>) {
        out.push(about_id(path));
        for arg in command.get_arguments() {
            out.push(arg_id(arg, path));
            if arg.get_action().takes_values() {
                let names: Vec<String> = match arg.get_value_names() {
                    Some(n) => n.iter().map(|n| n.to_string()).collect(),
                    None => vec![arg.get_id().as_str().to_uppercase()],
                };
                for n in names {
                    out.push(format!("cli-value-{}", n.to_lowercase().replace('_', "-")));
                }
            }
        }
        for sub in command.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_owned());
            ids(sub, &p, out);
        }
    }

    #[test]
    fn every_command_argument_and_value_has_its_words_in_both_languages() {
        let mut command = <crate::Cli as clap::CommandFactory>::command();
        command.build();
        let mut all = Vec::new();
        ids(&command, &[], &mut all);
        assert!(all.len() > 40, "{all:?}");
        let missing: Vec<String> = all
            .iter()
            .flat_map(|id| [(Lang::Ru, id), (Lang::En, id)])
            .filter(|(lang, id)| message_in(*lang, id, None) == **id)
            .map(|(lang, id)| format!("{}: {id}", lang.code()))
            .collect();
        assert!(missing.is_empty(), "not in the catalogues: {missing:#?}");
    }

    #[test]
    fn paths_name_the_help_tree_as_the_commands() {
        let p = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(about_id(&p(&[])), "cli-about");
        assert_eq!(about_id(&p(&["validate", "inn"])), "cli-validate-inn-about");
        assert_eq!(about_id(&p(&["help"])), "cli-help-about");
        assert_eq!(about_id(&p(&["help", "build"])), "cli-build-about");
        assert_eq!(about_id(&p(&["validate", "help"])), "cli-help-about");
        assert_eq!(
            about_id(&p(&["validate", "help", "snils"])),
            "cli-validate-snils-about"
        );
    }
}
