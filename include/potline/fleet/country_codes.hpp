#pragma once
// ISO 3166-1 alpha-3 country codes, for the country column of the smelter dataset (user trial T19-8:
// a typo, CHX for CHN, ran silently and took the smelter out of a sanction, a tariff exemption, a CBAM
// default value and the indirect-cost compensation, all matched by country).
#include <string>
#include <string_view>
#include <vector>

namespace potline::fleet {

/// The 249 officially assigned alpha-3 codes of [ISO 3166-1], sorted.
const std::vector<std::string>& iso3166_alpha3();
bool is_iso3166_alpha3(std::string_view code);

}  // namespace potline::fleet
