#pragma once
// Helpers for the CLI end-to-end tests: run the `potline` executable with arguments (no shell, so
// no quoting surprises), capture stdout, stderr and the exit status; temporary folders and files;
// JSON parsing; a scan for non-finite numbers in any output.
//
// POTLINE_BIN (the executable) and POTLINE_SOURCE_DIR (the repository root) come from
// tests/CMakeLists.txt as compile definitions.
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace potline_cli_test {

using Json = nlohmann::json;

/// Outcome of one run of a program.
struct RunResult {
  int exit_code = -1;  ///< exit status, or 128 + signal number if the program was killed
  std::string out;     ///< everything written on stdout
  std::string err;     ///< everything written on stderr

  /// For assertion messages: the exit status and both streams.
  std::string describe() const {
    return "exit " + std::to_string(exit_code) + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
};

/// Index of a named column of a CSV header; a test failure (and 0) when it is missing.
inline std::size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

inline std::string potline_bin() { return POTLINE_BIN; }
inline std::filesystem::path source_dir() { return POTLINE_SOURCE_DIR; }

/// Runs `program` with `args` (argv[1..]); `extra_env` entries ("NAME=value") are added to (or
/// replace) the inherited environment. Reads both pipes until the child closes them.
inline RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                             const std::vector<std::string>& extra_env = {}) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, out_pipe[1]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[1]);

  std::vector<std::string> argv_storage{program};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const auto& x : extra_env) replaced = replaced || x.substr(0, x.find('=')) == name;
    if (!replaced) env_storage.push_back(entry);
  }
  env_storage.insert(env_storage.end(), extra_env.begin(), extra_env.end());
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("cannot start " + program + ": " + std::strerror(rc));
  }

  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[4096];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;  // poll ignores negative descriptors
        --open_count;
      }
    }
  }

  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

/// Runs the potline CLI built with the tests.
inline RunResult potline(const std::vector<std::string>& args, const std::vector<std::string>& extra_env = {}) {
  return run_program(potline_bin(), args, extra_env);
}

/// Parses `text` as JSON; on failure records a test failure and returns null.
inline Json parse_json(const std::string& text) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    ADD_FAILURE() << "output is not valid JSON: " << e.what() << "\n" << text;
    return Json();
  }
}

/// A fresh folder under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "potline-cli-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `text` into the file `name` in this folder and returns its full path.
  std::string write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::ofstream out(p, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + p.string());
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A report page with every chart subtitle that the report wrapped into lines (a JSON array of strings,
/// user trial T16-12) put back as one string, so a test can search a subtitle's sentence whole: a
/// wrapped line ends with its space and joins as it is; a paragraph's last line is joined with a space.
/// The strings' escapes are kept as written.
inline std::string joined_subtitles(const std::string& html) {
  const std::string open = "\"subtitle\":[";
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, from)) {
    out.append(html, from, at - from);
    std::string joined;
    std::size_t i = at + open.size();
    while (i < html.size() && html[i] == '"') {
      std::string line;
      for (++i; i < html.size() && html[i] != '"'; ++i) {
        line += html[i];
        if (html[i] == '\\' && i + 1 < html.size()) line += html[++i];
      }
      if (!joined.empty() && joined.back() != ' ') joined += ' ';
      joined += line;
      ++i;  // the closing quote
      if (i < html.size() && html[i] == ',') ++i;
    }
    if (i >= html.size() || html[i] != ']') {  // not an array of strings: kept as written
      out.append(html, at, open.size());
      from = at + open.size();
      continue;
    }
    out += "\"subtitle\":\"" + joined + "\"";
    from = i + 1;
  }
  out.append(html, from, std::string::npos);
  return out;
}

/// A report page (report.html or `potline report --out`) with its wrapped subtitles joined
/// (joined_subtitles).
inline std::string read_report(const std::filesystem::path& p) { return joined_subtitles(read_file(p)); }

/// True if `text` holds NaN or an infinity written as a number: "nan", "-nan", "inf", "Infinity",
/// any case, as a whole word (so "information" or "infinite" do not count).
inline bool has_nonfinite_word(const std::string& text) {
  static const std::regex pattern(R"((^|[^A-Za-z_])[-+]?(nan|inf|infinity)([^A-Za-z_]|$))",
                                  std::regex::icase);
  return std::regex_search(text, pattern);
}

/// Every number in the JSON value is finite (nlohmann writes NaN as null, so nulls where a number
/// is expected are caught by the key checks; this walks what did parse as numbers).
inline void expect_all_finite(const Json& j, const std::string& path = "") {
  if (j.is_number_float()) {
    EXPECT_TRUE(std::isfinite(j.get<double>())) << path;
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) expect_all_finite(it.value(), path + "." + it.key());
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) expect_all_finite(j[i], path + "[" + std::to_string(i) + "]");
  }
}

/// `j[key]` exists and is a finite number; returns it (0 when absent, after a failure).
inline double finite_number(const Json& j, const std::string& key) {
  if (!j.is_object() || !j.contains(key)) {
    ADD_FAILURE() << "missing key '" << key << "' in " << j.dump();
    return 0.0;
  }
  const Json& v = j.at(key);
  if (!v.is_number()) {
    ADD_FAILURE() << "key '" << key << "' is not a number: " << v.dump();
    return 0.0;
  }
  const double x = v.get<double>();
  EXPECT_TRUE(std::isfinite(x)) << key;
  return x;
}

/// Lines of a CSV text (without the trailing empty line).
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// The cells of one CSV line as potline writes it (RFC 4180: a quoted cell may hold commas and
/// doubled quotes). Written here, not taken from the library's reader, so the tests read the
/// program's files independently of it.
inline std::vector<std::string> csv_cells(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        out.back() += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      out.emplace_back();
    } else if (ch != '\r') {
      out.back() += ch;
    }
  }
  return out;
}

/// Splits a command line as a shell would for the documented examples: on blanks, with '...' and
/// "..." grouping words (no escapes inside).
inline std::vector<std::string> split_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char ch : line) {
    if (quote != 0) {
      if (ch == quote)
        quote = 0;
      else
        word += ch;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
      in_word = true;
    } else if (ch == ' ' || ch == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += ch;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

/// Number of lines of `text` that contain `needle`.
inline int count_lines_containing(const std::string& text, const std::string& needle) {
  int n = 0;
  for (const auto& line : lines_of(text)) n += line.find(needle) != std::string::npos ? 1 : 0;
  return n;
}

/// The default case shipped with the repository.
inline std::string default_case() { return (source_dir() / "examples" / "default.toml").string(); }

/// An example case of the repository by its file name ("cell-7d.toml").
inline std::string example(const std::string& file_name) { return (source_dir() / "examples" / file_name).string(); }

/// Expects `part` in `text`, and shows the text when it is missing.
inline void expect_in(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part << "\nin:\n" << text;
}

/// Expects `part` not to be in `text`.
inline void expect_not_in(const std::string& text, const std::string& part) {
  EXPECT_EQ(text.find(part), std::string::npos) << "unexpected: " << part << "\nin:\n" << text;
}

}  // namespace potline_cli_test
