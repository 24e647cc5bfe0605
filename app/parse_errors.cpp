// CLI11's parse failures in the program's own error style (trial 6, T6-15): "WHERE: error: ...", a
// did-you-mean for an unknown option (as for keys and commands), and the count line; exit 2.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/core/text.hpp"
#include "potline/io/text_file.hpp"

namespace potline::app {

namespace {

// The deepest subcommand the parser had reached ("potline sweep"), or the app itself.
CLI::App* parsed_command(CLI::App& app) {
  CLI::App* sub = &app;
  for (auto subs = sub->get_subcommands(); !subs.empty(); subs = sub->get_subcommands())
    sub = subs.front();
  return sub;
}

std::string command_name(CLI::App& app, const CLI::App* sub) {
  std::string name = sub->get_name();
  for (const CLI::App* p = sub->get_parent(); p != nullptr && p != &app; p = p->get_parent())
    name = p->get_name() + " " + name;
  return sub == &app ? "potline" : "potline " + name;
}

std::vector<std::string> option_names(const CLI::App* sub, const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a : {sub, &app}) {
    for (const CLI::Option* opt : a->get_options()) {
      for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
      for (const auto& n : opt->get_snames()) names.push_back("-" + n);
    }
  }
  return names;
}

bool looks_like_option(const std::string& word) {
  if (word.size() < 2 || word[0] != '-') return false;
  return !(std::isdigit(static_cast<unsigned char>(word[1])) || word[1] == '.');  // "-5" is a value
}

// CLI11 lists the arguments it did not expect after ": ", separated by spaces.
std::vector<std::string> extras_of(const std::string& what) {
  std::vector<std::string> words;
  const std::size_t colon = what.find(": ");
  if (colon == std::string::npos) return words;
  std::string rest = what.substr(colon + 2);
  for (std::size_t pos = 0; pos < rest.size();) {
    const std::size_t end = std::min(rest.find(' ', pos), rest.size());
    if (end > pos) words.push_back(rest.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

// One error per unknown option (with a did-you-mean); without one, one per stray word (with an
// unknown option, the stray words are its values or were displaced by it: one mistake, one error).
void unexpected_arguments(const std::vector<std::string>& extras,
                          const std::vector<std::string>& options, const std::string& command,
                          core::Diagnostics& d) {
  std::vector<std::string> unknown;
  for (const auto& word : extras) {
    if (!looks_like_option(word)) continue;
    const std::string name = word.substr(0, word.find('='));
    const std::string hint = core::closest_match(name, options);
    unknown.push_back(word);
    d.error({name, 0, 0}, "",
            "unknown option of '" + command + "'" +
                (hint.empty() ? " ('" + command + " --help' lists its options)"
                              : " (did you mean '" + hint + "'?)"));
  }
  for (const auto& word : extras) {
    if (looks_like_option(word) || !unknown.empty()) continue;
    d.error({}, "",
            "unexpected argument '" + word + "' for '" + command +
                "' (a value with spaces needs quotes, e.g. --set operation.acd=\"4.5 cm\")");
  }
}

// The file a command's positional argument names, as `simulate` words it ("give a case file: potline
// simulate CASE.toml ('potline template simulate' writes one)"): CLI11 said "case: error: 'potline
// fleet' needs this option" of an argument that is no option (user trial T17-4).
std::string positional_message(const std::string& name, const CLI::Option& opt, const std::string& command) {
  const std::string sub = command.substr(command.find(' ') + 1);
  if (name == "case") return "give a case file: " + command + " CASE.toml ('potline template " + sub + "' writes one)";
  if (name == "sweep") return "give a sweep file: " + command + " SWEEP.toml ('potline template sweep' writes one)";
  std::string upper = name;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return "give " + opt.get_description() + ": " + command + " " + upper;
}

// "--out is required" -> "--out: error: 'potline sweep' needs this option: DESCRIPTION"; a missing
// positional argument -> "error: give a case file: potline fleet CASE.toml ..."; no command -> "give a
// command" with the list (CLI11: "A subcommand: error: 'potline' needs this option").
void required_option(const std::string& what, CLI::App* sub, const std::string& command,
                     core::Diagnostics& d) {
  const std::string suffix = " is required";
  if (what.size() <= suffix.size() ||
      what.compare(what.size() - suffix.size(), suffix.size(), suffix) != 0)
    return;
  const std::string name = what.substr(0, what.size() - suffix.size());
  if (name.rfind("A subcommand", 0) == 0) {
    std::string list;
    for (const CLI::App* c : sub->get_subcommands([](const CLI::App*) { return true; }))
      list += (list.empty() ? "" : ", ") + c->get_name();
    d.error({}, "", "give a command: " + list + " ('" + command + " --help' says what each does)");
    return;
  }
  const CLI::Option* opt = sub->get_option_no_throw(name);
  if (opt != nullptr && opt->get_lnames().empty() && opt->get_snames().empty()) {
    d.error({}, "", positional_message(name, *opt, command));
    return;
  }
  const std::string description = opt == nullptr ? "" : ": " + opt->get_description();
  d.error({name, 0, 0}, "", "'" + command + "' needs this option" + description);
}

// "--set: 1 required TEXT missing" (an option given last, without its value) -> what to give.
bool missing_value(const std::string& what, CLI::App* sub, const std::string& command, core::Diagnostics& d) {
  const std::size_t colon = what.find(": ");
  const std::string tail = " missing";
  if (colon == std::string::npos || what.find(" required ", colon) == std::string::npos || what.size() < tail.size() ||
      what.compare(what.size() - tail.size(), tail.size(), tail) != 0 || !looks_like_option(what))
    return false;
  const std::string name = what.substr(0, colon);
  if (name == "--set" || name == "-s") {
    d.error({name, 0, 0}, "", "give KEY=VALUE, e.g. --set operation.acd=\"4 cm\" ('" + command +
                                   " --help'; keys: 'potline schema')");
    return true;
  }
  const CLI::Option* opt = sub->get_option_no_throw(name);
  d.error({name, 0, 0}, "",
          "give its value: " + name + " VALUE" + (opt == nullptr ? "" : " (" + opt->get_description() + ")"));
  return true;
}

// "--report requires --out" -> "--report: error: needs --out DIR ..." at the option, as every other
// usage error (docs audit DA19-42). False when `what` is not "A requires B".
bool requires_option(const std::string& what, core::Diagnostics& d) {
  const std::string word = " requires ";
  const std::size_t at = what.find(word);
  if (at == std::string::npos || !looks_like_option(what)) return false;
  const std::string name = what.substr(0, at), other = what.substr(at + word.size());
  const std::string why = name == "--report" && other == "--out"
                              ? "needs --out DIR: the report is written into the run folder, DIR/report.html"
                              : "needs " + other + " as well";
  d.error({name, 0, 0}, "", why);
  return true;
}

// A case or sweep file given with a usage error, and unreadable: said with it, in one pass (user
// trial T19-20: `potline cell nonexist.toml --jsn` gave the --jsn error alone, the missing file on
// the next run). As the command words it ("nonexist.toml: error: cannot read the case file: no such
// file").
void unreadable_files(CLI::App* sub, const std::string& command, core::Diagnostics& d) {
  for (const CLI::Option* opt : sub->get_options()) {
    if (!opt->get_lnames().empty() || !opt->get_snames().empty()) continue;  // only positionals
    const std::string name = opt->get_name();
    if (name != "case" && name != "sweep") continue;
    const std::string what = name == "sweep"              ? "the sweep file"
                             : command == "potline fleet" ? "the fleet case"
                                                          : "the case file";
    for (const std::string& path : opt->results()) {
      const std::string reason = io::unreadable_reason(path);
      if (!reason.empty()) d.error({path, 0, 0}, "", "cannot read " + what + ": " + reason);
    }
  }
}

}  // namespace

int report_parse_failure(CLI::App& app, const CLI::ParseError& e) {
  CLI::App* sub = parsed_command(app);
  const std::string command = command_name(app, sub);
  const std::string what = e.what();
  core::Diagnostics d;
  unreadable_files(sub, command, d);
  const std::size_t file_errors = d.error_count();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    unexpected_arguments(extras_of(what), option_names(sub, app), command, d);
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    required_option(what, sub, command, d);
  } else if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) {
    requires_option(what, d);
  } else {
    missing_value(what, sub, command, d);
  }
  if (d.error_count() == file_errors) {
    // Validators say "--threads: expects an integer ...": the option is where the error is.
    const std::size_t colon = what.find(": ");
    if (looks_like_option(what) && colon != std::string::npos && what.find(' ') > colon) {
      d.error({what.substr(0, colon), 0, 0}, "", what.substr(colon + 2));
    } else {
      d.error({}, "", what);
    }
  }
  std::cerr << d.to_string() << "potline: " << d.error_count()
            << " input error(s); nothing was run\n";
  return 2;
}

}  // namespace potline::app
