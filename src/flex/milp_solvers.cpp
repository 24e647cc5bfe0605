// CLP and CBC behind the Milp interface (see milp.hpp). CBC is used through its C interface
// (Cbc_C_Interface.h, COIN-OR CBC 2.10 [COIN-OR CBC]); CLP through ClpSimplex.
#include <coin/Cbc_C_Interface.h>
#include <coin/ClpSimplex.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "potline/flex/milp.hpp"

namespace potline::flex {
namespace {

// Column-major arrays of the row-wise problem (both solvers load column-major matrices).
struct ColumnMajor {
  std::vector<int> start, index;
  std::vector<double> value, col_lo, col_up, obj, row_lo, row_up;
};

ColumnMajor column_major(const Milp& p) {
  ColumnMajor m;
  const std::size_t n = p.columns.size();
  std::vector<int> count(n, 0);
  for (const auto& r : p.rows) {
    for (int j : r.index) ++count[static_cast<std::size_t>(j)];
  }
  m.start.assign(n + 1, 0);
  for (std::size_t j = 0; j < n; ++j) m.start[j + 1] = m.start[j] + count[j];
  m.index.resize(static_cast<std::size_t>(m.start[n]));
  m.value.resize(m.index.size());
  std::vector<int> fill(m.start.begin(), m.start.end() - 1);
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    const auto& r = p.rows[i];
    for (std::size_t k = 0; k < r.index.size(); ++k) {
      const auto pos = static_cast<std::size_t>(fill[static_cast<std::size_t>(r.index[k])]++);
      m.index[pos] = static_cast<int>(i);
      m.value[pos] = r.value[k];
    }
    m.row_lo.push_back(r.lower);
    m.row_up.push_back(r.upper);
  }
  for (const auto& c : p.columns) {
    m.col_lo.push_back(c.lower);
    m.col_up.push_back(c.upper);
    m.obj.push_back(c.objective);
  }
  return m;
}

double gap_of(double objective, double bound) {
  return std::abs(bound - objective) / std::max(1.0, std::abs(objective));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

const char* to_string(SolveStatus status) noexcept {
  switch (status) {
    case SolveStatus::kOptimal: return "optimal";
    case SolveStatus::kFeasible: return "feasible";
    case SolveStatus::kInfeasible: return "infeasible";
    case SolveStatus::kNoSolution: return "no_solution";
  }
  return "unknown";
}

MilpSolution solve_lp(const Milp& p) {
  const auto started = std::chrono::steady_clock::now();
  const ColumnMajor m = column_major(p);
  ClpSimplex model;
  model.setLogLevel(0);
  model.loadProblem(static_cast<int>(p.columns.size()), static_cast<int>(p.rows.size()), m.start.data(),
                    m.index.data(), m.value.data(), m.col_lo.data(), m.col_up.data(), m.obj.data(), m.row_lo.data(),
                    m.row_up.data());
  model.setOptimizationDirection(p.maximise ? -1.0 : 1.0);
  model.dual();
  MilpSolution s;
  s.solver = "COIN-OR CLP 1.17";
  s.seconds = seconds_since(started);
  if (model.isProvenPrimalInfeasible()) {
    s.status = SolveStatus::kInfeasible;
    return s;
  }
  if (!model.isProvenOptimal()) return s;
  s.status = SolveStatus::kOptimal;
  const double* x = model.primalColumnSolution();
  s.x.assign(x, x + p.columns.size());
  s.objective = model.objectiveValue();
  s.bound = s.objective;
  return s;
}

MilpSolution solve_milp(const Milp& p, const MilpOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const ColumnMajor m = column_major(p);
  Cbc_Model* model = Cbc_newModel();
  Cbc_loadProblem(model, static_cast<int>(p.columns.size()), static_cast<int>(p.rows.size()), m.start.data(),
                  m.index.data(), m.value.data(), m.col_lo.data(), m.col_up.data(), m.obj.data(), m.row_lo.data(),
                  m.row_up.data());
  // Column names are not passed: Cbc_setColName of CBC 2.10.8 corrupts the model (segfaults in
  // ClpPresolve seen on every dispatch MILP); the MIP start goes by column index instead.
  std::vector<int> columns;
  for (std::size_t j = 0; j < p.columns.size(); ++j) {
    if (p.columns[j].integer) Cbc_setInteger(model, static_cast<int>(j));
    columns.push_back(static_cast<int>(j));
  }
  Cbc_setObjSense(model, p.maximise ? -1.0 : 1.0);
  Cbc_setLogLevel(model, 0);
  Cbc_setAllowableFractionGap(model, options.relative_gap);
  Cbc_setMaximumSeconds(model, options.time_limit_s);
  Cbc_setParameter(model, "threads", "1");
  if (options.warm_start.size() == p.columns.size()) {
    Cbc_setMIPStartI(model, static_cast<int>(columns.size()), columns.data(), options.warm_start.data());
  }
  Cbc_solve(model);
  MilpSolution s;
  s.solver = "COIN-OR CBC 2.10";
  s.time_limit_hit = Cbc_isSecondsLimitReached(model) != 0;
  const int n = Cbc_getNumCols(model);
  const double* x = Cbc_getColSolution(model);
  const bool has_solution = x != nullptr && Cbc_numberSavedSolutions(model) > 0;
  if (Cbc_isProvenInfeasible(model)) {
    s.status = SolveStatus::kInfeasible;
  } else if (has_solution || Cbc_isProvenOptimal(model)) {
    s.status = Cbc_isProvenOptimal(model) ? SolveStatus::kOptimal : SolveStatus::kFeasible;
    s.x.assign(x, x + n);
    s.objective = Cbc_getObjValue(model);
    s.bound = Cbc_getBestPossibleObjValue(model);
    if (!std::isfinite(s.bound)) s.bound = s.objective;
    s.gap = gap_of(s.objective, s.bound);
  }
  Cbc_deleteModel(model);
  s.seconds = seconds_since(started);
  return s;
}

}  // namespace potline::flex
