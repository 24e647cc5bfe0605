// CLP and CBC behind the Milp interface (see milp.hpp). CBC (COIN-OR CBC 2.10 [COIN-OR CBC]) is run
// through its solver driver (CbcMain0/CbcMain1, the driver behind the C interface and the `cbc`
// program, with its default presolve, cuts and heuristics), whose callback sets the node selection;
// CLP through ClpSimplex.
#include <coin/CbcCompareDefault.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/OsiClpSolverInterface.hpp>
#include <coin/ClpSimplex.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
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

// Relative gap as reported: the denominator is floored at 1 (a numerical choice, in the objective's
// unit, EUR for the dispatch) so that an objective near zero does not turn a small absolute gap into
// a huge or infinite ratio.
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

namespace {

// Best-bound node selection once a schedule is known: CBC's default comparison dives depth-first
// and turns to the bound only after 10,000 nodes (CbcCompareDefault::every1000Nodes), so on the
// dispatch MILPs, whose LP relaxations have many equally good fractional optima, the reported
// bound sat at the root's for the first 10–20 s (docs/performance.md). Before the first solution
// the default's dives (which find one) are kept; the warm start (often the flat schedule) does not
// count as one.
class BestBoundOnceSolved : public CbcCompareDefault {
 public:
  CbcCompareBase* clone() const override { return new BestBoundOnceSolved(*this); }
  bool test(CbcNode* x, CbcNode* y) override {
    if (!solved_) return CbcCompareDefault::test(x, y);
    if (x->objectiveValue() != y->objectiveValue()) return x->objectiveValue() > y->objectiveValue();
    return x->depth() < y->depth();  // ties: the deeper node, nearer to a leaf
  }
  using CbcCompareDefault::newSolution;
  bool newSolution(CbcModel* model, double continuous, int infeasibilities) override {
    const bool first = !solved_;
    solved_ = true;
    return CbcCompareDefault::newSolution(model, continuous, infeasibilities) || first;
  }
  bool every1000Nodes(CbcModel* model, int nodes) override {
    return solved_ ? false : CbcCompareDefault::every1000Nodes(model, nodes);
  }

 private:
  bool solved_ = false;
};

// CbcMain1 calls this at fixed points; 3 is just before the branch and bound.
int before_search(CbcModel* model, int where_from) {
  if (where_from == 3) {
    BestBoundOnceSolved compare;
    model->setNodeComparison(compare);
  }
  return 0;
}

}  // namespace

MilpSolution solve_milp(const Milp& p, const MilpOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ColumnMajor m = column_major(p);
  // CBC is given a minimisation (the objective negated when the problem maximises): CBC 2.10's
  // driver prices a MIP start with the objective as loaded, not in the direction it minimises, so
  // under setObjSense(−1) a start worth +151,798 EUR entered as a solution of cost +151,798, worse
  // than none (the TRIMET-like week with stops, docs/performance.md).
  const double sense = p.maximise ? -1.0 : 1.0;
  for (double& c : m.obj) c *= sense;
  OsiClpSolverInterface solver;
  solver.loadProblem(static_cast<int>(p.columns.size()), static_cast<int>(p.rows.size()), m.start.data(),
                     m.index.data(), m.value.data(), m.col_lo.data(), m.col_up.data(), m.obj.data(), m.row_lo.data(),
                     m.row_up.data());
  std::vector<std::string> names;
  for (std::size_t j = 0; j < p.columns.size(); ++j) {
    if (p.columns[j].integer) solver.setInteger(static_cast<int>(j));
    // Not set as column names (names in the solver crash CBC 2.10.8's presolve); the MIP start
    // goes by the solver's default names instead.
    names.push_back(solver.dfltRowColName('c', static_cast<int>(j)));
  }
  solver.setObjSense(1.0);
  solver.messageHandler()->setLogLevel(0);
  CbcModel model(solver);
  CbcSolverUsefulData data;
  CbcMain0(model, data);
  model.messageHandler()->setLogLevel(0);
  if (options.warm_start.size() == p.columns.size()) {
    std::vector<const char*> start_names;
    for (const auto& n : names) start_names.push_back(n.c_str());
    model.setMIPStart(static_cast<int>(names.size()), start_names.data(), options.warm_start.data());
  }
  const std::string gap = std::to_string(options.relative_gap), seconds = std::to_string(options.time_limit_s);
  // Solver settings. -ratioGap and -seconds are the case's flex.mip_gap and flex.time_limit (CBC
  // counts CPU seconds, its default timeMode; docs/performance.md). -threads 1 is a choice, not a
  // tuning: one search thread, so that the schedule, gap and status of a case do not depend on the
  // machine's core count or on thread timing (milp.hpp); CBC 2.10 then searches in one worker thread
  // while the calling one waits.
  // At most 10 rounds of cuts at the root (CBC's default on problems this small is up to 100): on
  // the ±25 % bench day the last 84 of 95 rounds moved the root bound by 0.1 % and left dense cuts
  // (≈ 200 elements each) in every node's LP; with 10, every case measured ends with a smaller gap
  // at the same limit (docs/performance.md).
  // Zero-half cuts off: CglZeroHalf's set-up (Cgl012Cut::initialize_cut_list) cleared a large table
  // on every call, 21 % of examples/flex-day.toml's CPU (perf, 2026-12-06), for a solve that reaches
  // the same schedule and gap without it; on the week with counts and stops (10 s) the gap is 1.74 %
  // without them against 1.96 % with (docs/performance.md).
  std::vector<std::string> args = {"potline",  "-log", "0",         "-ratioGap", gap,             "-seconds", seconds,
                                   "-threads", "1",    "-passCuts", "10",        "-zeroHalfCuts", "off"};
  args.insert(args.end(), {"-solve", "-quit"});
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  CbcMain1(static_cast<int>(argv.size()), argv.data(), model, before_search, data);
  MilpSolution s;
  s.solver = "COIN-OR CBC 2.10";
  s.time_limit_hit = model.isSecondsLimitReached();
  const int n = model.getNumCols();
  const double* x = model.bestSolution();
  if (model.isProvenInfeasible()) {
    s.status = SolveStatus::kInfeasible;
  } else if (x != nullptr) {
    s.status = model.isProvenOptimal() ? SolveStatus::kOptimal : SolveStatus::kFeasible;
    s.x.assign(x, x + n);
    s.objective = sense * model.getObjValue();
    s.bound = sense * model.getBestPossibleObjValue();
    if (!std::isfinite(s.bound)) s.bound = s.objective;
    s.gap = gap_of(s.objective, s.bound);
  }
  s.seconds = seconds_since(started);
  return s;
}

}  // namespace potline::flex
