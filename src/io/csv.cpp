// CSV per RFC 4180 [Shafranovich 2005] (see csv.hpp).
#include "potline/io/csv.hpp"

#include "potline/io/text_file.hpp"

namespace potline::io {

std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(cells[i]);
  }
  return out + '\n';
}

namespace {

bool is_blank(char ch) { return ch == ' ' || ch == '\t'; }

// A cursor over the text that knows its line and column.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  int line() const { return line_; }
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  char take() {
    const char ch = text_[pos_++];
    if (ch == '\n') {
      ++line_;
      line_start_ = pos_;
    }
    return ch;
  }
  bool at_record_end() const { return done() || peek() == '\n' || (peek() == '\r' && peek(1) == '\n') || peek() == '\r'; }
  void skip_record_end() {
    if (peek() == '\r') ++pos_;
    if (peek() == '\n') take();
  }
  void skip_to_next_line() {
    while (!done() && peek() != '\n') ++pos_;
    if (!done()) take();
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

std::string trim_blanks(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_blank(s[b])) ++b;
  while (e > b && is_blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Reads one quoted field; the scanner is on the opening quote. False on malformed quoting.
bool read_quoted(Scanner& s, CsvField& field, const std::string& file, core::Diagnostics& d) {
  const int line = s.line(), column = s.column();
  s.take();
  while (true) {
    if (s.done()) {
      d.error({file, line, column}, "", "unterminated quoted field: a '\"' opened here is never closed");
      return false;
    }
    const char ch = s.take();
    if (ch != '"') {
      field.text += ch;
    } else if (s.peek() == '"') {
      field.text += s.take();
    } else {
      break;
    }
  }
  while (is_blank(s.peek())) s.take();
  if (!s.at_record_end() && s.peek() != ',') {
    d.error({file, s.line(), s.column()}, "",
            "text after a closing quote: write a quote inside a quoted field as two quotes (\"\")");
    return false;
  }
  return true;
}

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file, core::Diagnostics& diagnostics,
                                 const CsvReadOptions& options) {
  std::vector<CsvRecord> records;
  Scanner s(strip_utf8_bom(text));
  while (!s.done()) {
    std::size_t blanks = 0;
    while (is_blank(s.peek(blanks))) ++blanks;
    const char first = s.peek(blanks);
    if (first == '\n' || first == '\0' || (first == '\r' && (s.peek(blanks + 1) == '\n' || s.peek(blanks + 1) == '\0')) ||
        (options.skip_comments && first == '#')) {
      s.skip_to_next_line();
      continue;
    }
    CsvRecord record;
    record.line = s.line();
    bool ok = true;
    while (true) {
      CsvField field;
      while (is_blank(s.peek()) && options.trim_unquoted) s.take();
      field.column = s.column();
      if (s.peek() == '"') {
        field.quoted = true;
        ok = read_quoted(s, field, file, diagnostics);
        if (!ok) break;
      } else {
        while (!s.at_record_end() && s.peek() != ',') field.text += s.take();
        if (options.trim_unquoted) field.text = trim_blanks(field.text);
      }
      record.fields.push_back(std::move(field));
      if (s.peek() != ',') break;
      s.take();
    }
    if (!ok) {
      s.skip_to_next_line();
      continue;
    }
    s.skip_record_end();
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace potline::io
