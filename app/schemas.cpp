#include "schemas.hpp"

#include "option_schemas.hpp"

#include "potline/cell/cell_schema.hpp"
#include "potline/potline/simulate_case.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/sweep/sweep_schema.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace potline::app {

std::vector<NamedSchema> all_schemas() {
  return {{&cell::cell_schema(), "potline cell CASE.toml"},
          {&plant::smelter_schema(), "potline smelter CASE.toml"},
          {&plant::potline_group_schema(), "potline smelter CASE.toml: each [[potline]] table (a group of potlines)"},
          {&finance::invest_schema(), "potline invest CASE.toml"},
          {&line::simulate_schema(), "potline simulate CASE.toml"},
          {&fleet::fleet_schema(), "potline fleet CASE.toml; [[LEVER]] keys: --set LEVER[I].KEY=VALUE"},
          {&sweep::sweep_schema(), "potline sweep FILE.toml; [[uncertain]] keys: --set uncertain[I].KEY=VALUE"},
          {&bath_options_schema(), "potline bath --OPTION VALUE (key bath.OPTION)"},
          {&emissions_options_schema(), "potline emissions --OPTION VALUE (key emissions.OPTION)"},
          {&cbam_options_schema(), "potline cbam --OPTION VALUE (key cbam.OPTION)"}};
}

}  // namespace potline::app
