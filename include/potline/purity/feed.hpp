#pragma once
// The metal of a smelter's purest pots: which pots an upgrading line or a high-grade order takes when
// the purest are selected first, and what that metal holds. docs/model/hpa.md ("Feed from the pots").
// Mass fractions are fractions (0.0002 = 0.02 wt%).
#include "potline/purity/purity.hpp"

namespace potline::purity {

/// The selected pots' metal. Pots are ranked by r = max(Fe / Fe_req, Si / Si_req) against the
/// requirement's limits, so the pots that meet it (r ≤ 1) come first and the purest of them first.
struct PotSelection {
  double share_meeting = 0;  ///< share of all pots meeting the requirement (r ≤ 1)
  double share = 0;          ///< share of the pots selected (the feed / production)
  double cutoff = 0;         ///< r of the last pot taken (≤ 1: every pot taken meets the requirement)
  double fe = 0;             ///< mean Fe of the selected pots' metal (equal production per pot)
  double si = 0;
};

/// The purest `share` (0..1] of a pot population whose Fe and Si are independent log-normal
/// variables with the given means and coefficients of variation (purity.md), ranked against
/// `requirement`. share ≥ 1 takes every pot (the population's means).
PotSelection purest_pots(double mean_si, double cv_si, double mean_fe, double cv_fe, const Grade& requirement,
                         double share);

/// Mean of the first fraction g (0..1] of a melt frozen progressively with complete mixing of the
/// liquid and no diffusion in the solid (normal freezing, Scheil), per unit of the melt's content:
/// (1 − (1 − g)^k) / g for the equilibrium partition coefficient k (→ k as g → 0, 1 at g = 1).
double normal_freezing_mean(double k, double g);

/// The largest fraction g (0..1] whose mean content is at most `ratio` times the melt's (0 when
/// ratio < k: even the first crystals are too impure; 1 when ratio ≥ 1).
double normal_freezing_yield(double k, double ratio);

}  // namespace potline::purity
