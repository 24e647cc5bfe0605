#pragma once
// Physical constants and molar masses used throughout Potline. SI units.
//
// Sources:
//  - [CODATA 2018] recommended values (Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021));
//    F, R, e and N_A are exact in the 2019 SI.
//  - Standard atomic weights: IUPAC [CIAAW 2021] (Prohaska et al., Pure Appl. Chem. 94 (2022) 573),
//    conventional values for elements with intervals (C, O, F, Mg, Li).
namespace potline::constants {

inline constexpr double kFaraday_C_per_mol = 96485.33212;       // [CODATA 2018], exact
inline constexpr double kGasConstant_J_per_mol_K = 8.314462618;  // [CODATA 2018], exact
inline constexpr double kKelvinOffset_K = 273.15;                // 0 degC in K, exact by definition
inline constexpr double kStandardTemperature_K = 298.15;         // thermochemical reference, 25 degC

// Molar masses in kg/mol (IUPAC [CIAAW 2021] standard atomic weights).
inline constexpr double kMolarMassAl_kg_per_mol = 26.9815384e-3;
inline constexpr double kMolarMassO_kg_per_mol = 15.999e-3;
inline constexpr double kMolarMassC_kg_per_mol = 12.011e-3;
inline constexpr double kMolarMassF_kg_per_mol = 18.998403162e-3;
inline constexpr double kMolarMassNa_kg_per_mol = 22.98976928e-3;
inline constexpr double kMolarMassAl2O3_kg_per_mol =
    2.0 * kMolarMassAl_kg_per_mol + 3.0 * kMolarMassO_kg_per_mol;
inline constexpr double kMolarMassNaF_kg_per_mol = kMolarMassNa_kg_per_mol + kMolarMassF_kg_per_mol;
inline constexpr double kMolarMassAlF3_kg_per_mol =
    kMolarMassAl_kg_per_mol + 3.0 * kMolarMassF_kg_per_mol;

// Electrons transferred per aluminium atom in Al(III) -> Al(0).
inline constexpr int kElectronsPerAl = 3;

// Energy conversion: 1 kWh = 3.6e6 J exactly.
inline constexpr double kJoulePerKWh = 3.6e6;
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kSecondsPerDay = 86400.0;
// Annual quantities (capacity in t/yr, prices per year) use the Julian year of 365.25 days, the
// year the IAU defines for astronomy and the mean calendar year over leap years.
inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kSecondsPerYear = kDaysPerYear * kSecondsPerDay;
inline constexpr double kHoursPerYear = kDaysPerYear * 24.0;

}  // namespace potline::constants
