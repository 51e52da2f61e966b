#include "options/ExerciseRule.h"

// One thread: the same coefficients, to the bit, whatever the machine's cores.
#define EIGEN_DONT_PARALLELIZE
#include <Eigen/Dense>

#include <cmath>
#include <stdexcept>

namespace ledger {

const char* basisName(ExerciseBasis b) {
    static const char* const names[kExerciseBasisCount] = {"constant",
                                                           "index",
                                                           "index_squared",
                                                           "index_cubed",
                                                           "utilization",
                                                           "utilization_squared",
                                                           "utilization_x_index",
                                                           "power",
                                                           "power_squared",
                                                           "power_x_index",
                                                           "launched",
                                                           "launched_x_index",
                                                           "defaulted",
                                                           "defaulted_x_index"};
    return names[int(b)];
}

double basisValue(ExerciseBasis b, const ExerciseState& s) {
    const double index = std::exp(s.logIndex);
    switch (b) {
    case ExerciseBasis::Constant:
        return 1.0;
    case ExerciseBasis::Index:
        return index;
    case ExerciseBasis::IndexSquared:
        return index * index;
    case ExerciseBasis::IndexCubed:
        return index * index * index;
    case ExerciseBasis::Util:
        return s.utilDeviation;
    case ExerciseBasis::UtilSquared:
        return s.utilDeviation * s.utilDeviation;
    case ExerciseBasis::UtilIndex:
        return s.utilDeviation * index;
    case ExerciseBasis::Power:
        return s.powerDeviation;
    case ExerciseBasis::PowerSquared:
        return s.powerDeviation * s.powerDeviation;
    case ExerciseBasis::PowerIndex:
        return s.powerDeviation * index;
    case ExerciseBasis::Launched:
        return s.launched ? 1.0 : 0.0;
    case ExerciseBasis::LaunchedIndex:
        return s.launched ? index : 0.0;
    case ExerciseBasis::Defaulted:
        return s.defaulted ? 1.0 : 0.0;
    case ExerciseBasis::DefaultedIndex:
        return s.defaulted ? index : 0.0;
    }
    return 0.0;
}

double ExerciseRule::expectedCost(const ExerciseState& s) const {
    double sum = 0.0;
    for (std::size_t j = 0; j < basis.size(); ++j)
        sum += coefficients[j] * basisValue(basis[j], s);
    return sum;
}

ExerciseRule fitExerciseRule(const std::vector<ExerciseState>& states, const std::vector<double>& cost) {
    const std::size_t n = states.size();
    // Which factors move on these paths: a constant one adds only a column the constant already spans.
    bool index = false, util = false, power = false, launched = false, defaulted = false;
    for (std::size_t p = 0; p < n; ++p) {
        index = index || states[p].logIndex != states[0].logIndex;
        util = util || states[p].utilDeviation != states[0].utilDeviation;
        power = power || states[p].powerDeviation != states[0].powerDeviation;
        launched = launched || states[p].launched != states[0].launched;
        defaulted = defaulted || states[p].defaulted != states[0].defaulted;
    }
    using B = ExerciseBasis;
    ExerciseRule rule;
    rule.basis.push_back(B::Constant);
    if (index)
        rule.basis.insert(rule.basis.end(), {B::Index, B::IndexSquared, B::IndexCubed});
    if (util) {
        rule.basis.insert(rule.basis.end(), {B::Util, B::UtilSquared});
        if (index)
            rule.basis.push_back(B::UtilIndex);
    }
    if (power) {
        rule.basis.insert(rule.basis.end(), {B::Power, B::PowerSquared});
        if (index)
            rule.basis.push_back(B::PowerIndex);
    }
    if (launched) {
        rule.basis.push_back(B::Launched);
        if (index)
            rule.basis.push_back(B::LaunchedIndex);
    }
    if (defaulted) {
        rule.basis.push_back(B::Defaulted);
        if (index)
            rule.basis.push_back(B::DefaultedIndex);
    }
    const std::size_t m = rule.basis.size();
    if (n < 2 * m)
        throw std::invalid_argument("the exercise rule needs at least " + std::to_string(2 * m) +
                                    " regression paths, got " + std::to_string(n));
    // Columns scaled to unit root-mean-square, so e^3X and a 0/1 flag weigh alike in the solver; the
    // column-pivoting QR copes with functions that are nearly dependent on these paths.
    const auto rows = Eigen::Index(n), cols = Eigen::Index(m);
    Eigen::MatrixXd x(rows, cols);
    Eigen::VectorXd y(rows);
    for (std::size_t p = 0; p < n; ++p) {
        for (std::size_t j = 0; j < m; ++j)
            x(Eigen::Index(p), Eigen::Index(j)) = basisValue(rule.basis[j], states[p]);
        y(Eigen::Index(p)) = cost[p];
    }
    Eigen::VectorXd scale(cols);
    for (Eigen::Index j = 0; j < cols; ++j) {
        const double rms = x.col(j).norm() / std::sqrt(double(n));
        scale(j) = rms > 0.0 ? rms : 1.0;
        x.col(j) /= scale(j);
    }
    const Eigen::VectorXd beta = x.colPivHouseholderQr().solve(y);
    for (std::size_t j = 0; j < m; ++j)
        rule.coefficients.push_back(beta(Eigen::Index(j)) / scale(Eigen::Index(j)));
    return rule;
}

} // namespace ledger
