#pragma once
// A small sparse linear or mixed-integer program and its two solvers: COIN-OR CLP for LPs and
// COIN-OR CBC (its solver driver, CbcSolver.hpp) for MILPs, with a relative gap, a time limit and a
// warm start. The dispatch model (dispatch.hpp) builds one; solver types stay in milp_solvers.cpp.
#include <string>
#include <vector>

namespace potline::flex {

struct Milp {
  struct Column {
    std::string name;
    double lower = 0, upper = 0, objective = 0;
    bool integer = false;
  };
  struct Row {
    double lower = 0, upper = 0;
    std::vector<int> index;
    std::vector<double> value;
  };
  bool maximise = true;
  std::vector<Column> columns;
  std::vector<Row> rows;

  int add_column(std::string name, double lower, double upper, double objective, bool integer = false) {
    columns.push_back({std::move(name), lower, upper, objective, integer});
    return static_cast<int>(columns.size()) - 1;
  }
  Row& add_row(double lower, double upper) {
    rows.push_back({lower, upper, {}, {}});
    return rows.back();
  }
  bool has_integers() const {
    for (const auto& c : columns) {
      if (c.integer) return true;
    }
    return false;
  }
};

enum class SolveStatus { kOptimal, kFeasible, kInfeasible, kNoSolution };
const char* to_string(SolveStatus status) noexcept;

struct MilpSolution {
  SolveStatus status = SolveStatus::kNoSolution;
  std::string solver;        ///< "COIN-OR CLP 1.17" or "COIN-OR CBC 2.10"
  std::vector<double> x;     ///< column values (empty without a solution)
  double objective = 0;      ///< of the solution, in the problem's sense
  double bound = 0;          ///< best possible objective (LP: = objective)
  double gap = 0;            ///< |bound − objective| / max(1, |objective|)
  bool time_limit_hit = false;
  double seconds = 0;        ///< solver wall time
};

struct MilpOptions {
  double relative_gap = 0.005;
  double time_limit_s = 10;
  std::vector<double> warm_start;  ///< a feasible point (CBC MIP start); empty: none
};

/// Solves the LP relaxation with CLP (integer flags ignored).
MilpSolution solve_lp(const Milp& problem);
/// Solves the MILP with CBC (one thread: results do not depend on the machine's cores, only on the
/// time limit when it is reached).
MilpSolution solve_milp(const Milp& problem, const MilpOptions& options);

}  // namespace potline::flex
