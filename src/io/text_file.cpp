#include "potline/io/text_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace potline::io {
namespace {

// The largest input file read (64 MiB): a one-minute series of a year is about 16 MB; the bound keeps
// a case naming a huge or endless file (/dev/zero, a pipe that never closes) from exhausting memory
// (found by the fuzz session of 2026-12-05). A choice, not a published limit.
constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{64} << 20;

std::string too_large(std::uintmax_t bytes) {
  return fmt::format("the file is {} bytes, more than the {} MiB an input file may have", bytes,
                     kMaxInputBytes >> 20);
}

}  // namespace

std::string unreadable_reason(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (path.empty()) return "no file name given";
  if (status.type() == fs::file_type::not_found) return "no such file";
  if (ec) return ec.message();
  if (status.type() == fs::file_type::directory) return "is a directory";
  // A device (/dev/zero never ends, /dev/tty waits for a keyboard) or a socket is no input file. A
  // pipe (the shell's <(command)) is read, up to the size bound.
  if (status.type() != fs::file_type::regular && status.type() != fs::file_type::fifo) {
    return "is not a regular file (a device or socket): name a file";
  }
  if (status.type() == fs::file_type::regular) {
    const std::uintmax_t bytes = fs::file_size(path, ec);
    if (!ec && bytes > kMaxInputBytes) return too_large(bytes);
  }
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
  std::string text;
  if (reason.empty()) {
    // In blocks, never past the bound: a file that grows (or a pipe) cannot make the read unbounded.
    std::ifstream in(path, std::ios::binary);
    char block[1 << 16];
    while (in && text.size() <= kMaxInputBytes) {
      in.read(block, sizeof block);
      text.append(block, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) reason = "read error";
    else if (text.size() > kMaxInputBytes) reason = fmt::format("it holds more than the {} MiB an input file may have", kMaxInputBytes >> 20);
  }
  if (!reason.empty()) {
    const std::string shown = where.file.empty() ? "" : " '" + path + "'";
    diagnostics.error(at, key, "cannot read " + std::string(what) + shown + ": " + reason);
    return std::nullopt;
  }
  if (strip_utf8_bom(text).size() != text.size()) text.erase(0, 3);
  return text;
}

}  // namespace potline::io
