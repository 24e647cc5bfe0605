// User trial T14-14 end to end: the relining keys given with --set on
// examples/smelter-gcc-gas.toml, which gives no pot count. Before: "--set #2: error:
// 'potline.pots_per_line': required ..." (the missing key is the case file's, not the --set's);
// then 300 pots passed as 1 Mt/yr with relining 9 USD/t. Each message asserted as the user reads
// it.
#include <fstream>
#include <sstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_smelter_pot_count_cli {
namespace {

std::vector<std::string> repro(const std::vector<std::string>& extra) {
  std::vector<std::string> args{
      "smelter", (source_dir() / "examples" / "smelter-gcc-gas.toml").string(),
      "--set",   "cathode.pot_life=2500 d",
      "--set",   "cathode.relining_cost=200000 USD"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

TEST(CliSmelterPotCount, ReliningWithoutPotsDerivesThePotCountAndSaysSo) {
  const RunResult r = potline(repro({}));
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out,
            "cathode relining spread over 812 pots derived from plant.capacity 1000000 t/yr at "
            "1231 t/yr per pot");
}

TEST(CliSmelterPotCount, ThreeHundredPotsForAMegatonneIsAnErrorNamingBothKeys) {
  const RunResult r = potline(repro({"--set", "potline.pots_per_line=300"}));
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            "--set #3: error: 'plant.capacity': plant.capacity = 1000000 t/yr and potline.count × "
            "potline.pots_per_line = 1 × 300 = 300 pots disagree");
  expect_in(r.err, "the capacity implies 812 pots");
}

TEST(CliSmelterPotCount, MissingPotCountIsLocatedAtTheCaseFileNotAtTheSet) {
  TempDir tmp;
  std::ifstream in(source_dir() / "examples" / "smelter-gcc-gas.toml");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  text.replace(text.find("technology = \"DX+\""), 18, "sec_ac = 13.5     ");
  const std::string file = tmp.write("nopots.toml", text);
  const RunResult r = potline({"smelter", file, "--set", "cathode.pot_life=2500 d", "--set",
                               "cathode.relining_cost=200000 USD"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            file + ":7:10: error: 'potline.pots_per_line': required to spread the relining cost");
  EXPECT_EQ(r.err.find("--set #2"), std::string::npos) << r.err;
}

}  // namespace potline_cli_test::test_smelter_pot_count_cli
