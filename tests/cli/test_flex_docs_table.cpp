// docs/model/flexibility.md §8: the table of the flex examples' figures is the regression
// references' (tests/regression/reference/flex-*.json, which the regression suite holds to the
// program), so the page's numbers cannot drift silently from the program (they had: §8 quoted
// figures of 2026-12-05 after the CE model, the production curve and the undisturbed run had moved
// them). The lines between "<!-- flex-examples:begin -->" and "<!-- flex-examples:end -->" must be
// the table this test builds; on a mismatch it prints the table to paste.
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_flex_docs_table {

namespace {

const std::vector<std::string> kExamples = {"flex-day", "flex-week-heat-exchangers",
                                            "flex-week-insulated"};

Json reference(const std::string& name) {
  std::ifstream in(source_dir() / "tests" / "regression" / "reference" / (name + ".json"));
  std::stringstream text;
  text << in.rdbuf();
  return parse_json(text.str());
}

double num(const Json& j) { return j.is_number() ? j.get<double>() : 0.0; }

// "+1,234" style: thousands separated, sign on request.
std::string eur(double v, bool sign = false) {
  const long long r = std::llround(std::abs(v));
  std::string digits = std::to_string(r), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 && r != 0 ? "−" : (sign ? "+" : "")) + out;
}

std::string signed1(double v) {
  const std::string s = fmt::format("{:.1f}", std::abs(v));
  return (v < 0 && s != "0.0" ? "−" : "+") + s;
}

// One row: a label and a cell per example.
std::string row(const std::string& label, const std::vector<Json>& refs,
                const std::function<std::string(const Json&)>& cell) {
  std::string line = "| " + label + " |";
  for (const Json& j : refs) line += " " + cell(j) + " |";
  return line;
}

std::vector<std::string> expected_table() {
  std::vector<Json> refs;
  for (const std::string& name : kExamples) refs.push_back(reference(name));
  std::vector<std::string> t;
  t.push_back("| | flex-day | flex-week-heat-exchangers | flex-week-insulated |");
  t.push_back("|---|---|---|---|");
  t.push_back(row("problem", refs, [](const Json& j) {
    const Json& s = j.at("solver");
    return fmt::format("{}, {}, gap {:.2f} %", s.at("problem").get<std::string>(),
                       s.at("status").get<std::string>(), num(s.at("gap_percent")));
  }));
  t.push_back(row("nominal power (AC)", refs, [](const Json& j) {
    return fmt::format("{:.1f} MW", num(j.at("nominal_power_MW")));
  }));
  t.push_back(row("margin flat / optimised, planned [EUR]", refs, [](const Json& j) {
    return eur(num(j.at("flat").at("margin_eur"))) + " / " +
           eur(num(j.at("optimised").at("margin_eur")));
  }));
  t.push_back(row("savings planned / delivered [EUR]", refs, [](const Json& j) {
    const Json& v = j.at("value");
    return eur(num(v.at("planned").at("savings_eur")), true) + " / " +
           eur(num(v.at("delivered").at("savings_eur")), true);
  }));
  t.push_back(row("savings delivered, % of the flat power cost", refs, [](const Json& j) {
    return fmt::format("{:.2f} %",
                       num(j.at("value").at("delivered").at("savings_percent_of_power_cost")));
  }));
  t.push_back(row("metal against flat planned / delivered [t]", refs, [](const Json& j) {
    const Json& v = j.at("value");
    return signed1(num(v.at("planned").at("extra_production_t"))) + " / " +
           signed1(num(v.at("delivered").at("extra_production_t")));
  }));
  t.push_back(row("energy shifted / added, planned [MWh AC]", refs, [](const Json& j) {
    const Json& p = j.at("value").at("planned");
    return fmt::format("{:.1f} / {:.1f}", num(p.at("energy_shifted_MWh")),
                       num(p.at("energy_added_MWh")));
  }));
  t.push_back(row("round trip planned / delivered (§5)", refs, [](const Json& j) {
    const Json& v = j.at("value");
    return fmt::format("{:.3f} / {:.3f}", num(v.at("planned").at("round_trip_efficiency")),
                       num(v.at("delivered").at("round_trip_efficiency")));
  }));
  t.push_back(row("year's value: − operating point / + end heat, a horizon [EUR]", refs, [](const Json& j) {
    const Json& v = j.at("value");
    return eur(-num(v.at("operating_point_eur")), true) + " / " + eur(num(v.at("end_heat_eur")), true);
  }));
  t.push_back(row("a year (delivered basis) [M EUR]", refs, [](const Json& j) {
    return fmt::format("{:.2f}", num(j.at("value").at("annual_value_eur")) / 1e6);
  }));
  t.push_back(row("anode effects per cell (simulated cells' mean), flat / optimised", refs,
                  [](const Json& j) {
                    const Json& a = j.at("value").at("anode_effects");
                    return fmt::format("{:.2f} / {:.2f}", num(a.at("flat_per_cell")),
                                       num(a.at("optimised_per_cell")));
                  }));
  t.push_back(row("reduced-model fit: ledge rms (max) [cm]", refs, [](const Json& j) {
    const Json& e = j.at("reduced_model").at("fit_error");
    return fmt::format("{:.2f} ({:.2f})", num(e.at("ledge_rms_cm")), num(e.at("ledge_max_cm")));
  }));
  t.push_back(row("superheat rms (max) [K]", refs, [](const Json& j) {
    const Json& e = j.at("reduced_model").at("fit_error");
    return fmt::format("{:.2f} ({:.2f})", num(e.at("superheat_rms_K")),
                       num(e.at("superheat_max_K")));
  }));
  t.push_back(row("metal per step rms (max) [% of a nominal step]", refs, [](const Json& j) {
    const Json& e = j.at("reduced_model").at("fit_error");
    return fmt::format("{:.2f} ({:.2f})", num(e.at("production_rms_percent")),
                       num(e.at("production_max_percent")));
  }));
  t.push_back(row("dynamic check", refs,
                  [](const Json& j) { return j.at("verdict").get<std::string>(); }));
  return t;
}

std::vector<std::string> page_table() {
  std::ifstream in(source_dir() / "docs/model/flexibility.md");
  std::vector<std::string> out;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "<!-- flex-examples:end -->") break;
    if (inside && !line.empty()) out.push_back(line);
    if (line == "<!-- flex-examples:begin -->") inside = true;
  }
  return out;
}

}  // namespace

TEST(FlexDocsTable, ExamplesTableIsTheRegressionReferences) {
  const std::vector<std::string> expected = expected_table(), page = page_table();
  std::string text;
  for (const std::string& line : expected) text += line + "\n";
  EXPECT_EQ(page, expected) << "docs/model/flexibility.md §8 between the flex-examples markers "
                               "should read:\n"
                            << text;
}

}  // namespace potline_cli_test::test_flex_docs_table
