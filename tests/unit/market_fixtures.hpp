#pragma once
// Small trade problems shared by the market tests (test_market_trade.cpp, test_market_flow_limit.cpp,
// test_market_elastic.cpp), solved by hand there. Units: USD/kg and kg/s.
#include "potline/market/trade.hpp"

namespace potline::market::fixtures {

// Two regions r0, r1; supplier A in r0 (cost 1.0 USD/kg, capacity 10), B in r1 (2.0, 10); freight
// 0.1 USD/kg between the regions, 0 inside; fixed demand r0 = 5, r1 = 8 (kg/s).
inline TradeProblem two_region() {
  TradeProblem p;
  p.region_names = {"r0", "r1"};
  p.demand_kg_per_s = {5, 8};
  p.suppliers = {{"A", 0, 10, 1.0}, {"B", 1, 10, 2.0}};
  p.delivery_usd_per_kg = {{0.0, 0.1}, {0.1, 0.0}};
  return p;
}

}  // namespace potline::market::fixtures
