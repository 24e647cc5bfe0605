#include "potline/io/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace potline::io {

std::string unreadable_reason(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (path.empty()) return "no file name given";
  if (status.type() == fs::file_type::not_found) return "no such file";
  if (ec) return ec.message();
  if (status.type() == fs::file_type::directory) return "is a directory";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == EACCES || errno == EPERM) return "permission denied";
    return errno != 0 ? std::string(std::strerror(errno)) : "cannot be opened";
  }
  return {};
}

std::string_view strip_utf8_bom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::optional<std::string> read_text_file(const std::string& path, std::string_view what,
                                          core::Diagnostics& diagnostics, const std::string& key,
                                          const core::SourceLocation& where) {
  const core::SourceLocation at = where.file.empty() ? core::SourceLocation{path, 0, 0} : where;
  errno = 0;
  std::string reason = unreadable_reason(path);
  std::ostringstream buffer;
  if (reason.empty()) {
    std::ifstream in(path, std::ios::binary);
    buffer << in.rdbuf();
    if (in.bad()) reason = "read error";
  }
  if (!reason.empty()) {
    const std::string shown = where.file.empty() ? "" : " '" + path + "'";
    diagnostics.error(at, key, "cannot read " + std::string(what) + shown + ": " + reason);
    return std::nullopt;
  }
  std::string text = buffer.str();
  if (strip_utf8_bom(text).size() != text.size()) text.erase(0, 3);
  return text;
}

}  // namespace potline::io
