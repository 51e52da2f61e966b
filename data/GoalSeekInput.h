#pragma once
// Goal seek on one input of a file (docs/model.md 11.8): the value at an input path
// (portfolio/InputPath.h) at which a target holds, "NPV of A = NPV of B", "NPV of A = V" or
// "LCOC of A = V". Each value tried is set as a scenario override is (data/Scenarios.h
// withOverrides: the file read back, so a value the file refuses gets the file's message), the
// portfolio evaluated without its analytics, and the target's residual handed to the root finder
// (core/analytics/GoalSeek.h). Qt Core only: `computeledger goal-seek` calls it, and a window's goal
// seek would call the same.
#include "analytics/GoalSeek.h"
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QString>

#include <optional>
#include <string>

namespace ledger::data {

struct GoalSeekTarget {
    enum class Kind {
        NpvEqual, // NPV cost of a = NPV cost of b
        Npv,      // NPV cost of a = value
        Lcoc,     // LCOC of a = value
    };
    Kind kind = Kind::NpvEqual;
    std::string a, b; // alternative ids (spot: "spot"); b only for NpvEqual
    double value = 0.0;
};

// "npv-equal:A,B", "npv:A=VALUE", "lcoc:A=VALUE"; nullopt and *error (what is wrong) otherwise.
std::optional<GoalSeekTarget> parseGoalSeekTarget(const QString& text, QString* error);
// The target as the command line writes it again ("npv-equal:rent,buy").
QString goalSeekTargetSpec(const GoalSeekTarget& t);
// Its residual in words, what is driven to 0: "NPV cost of rent - NPV cost of buy", "LCOC of rent - 2.1".
QString goalSeekResidualText(const GoalSeekTarget& t);
// The target's residual in one evaluation; nullopt and *error when an alternative is not there or has
// no LCOC.
std::optional<double> goalSeekResidual(const GoalSeekTarget& t, const EvaluationResult& r, QString* error);

// The bracket searched and where it came from.
struct GoalSeekBracket {
    double lo = 0.0, hi = 0.0;
    QString source; // "the field's bounds", "a tenth to ten times the value in the file", "--bracket"
};

// The bracket an input's goal seek starts from: the bounds of its field's table (portfolio/ItemFields.h,
// MarketFields.h) where both are finite, an open end moved inside by 1e-12 of the width; else, for a
// positive value in the file, a tenth to ten times it (within the table's bounds where it has one).
// Nullopt and *error otherwise (a path naming nothing, not a number, a whole number, or with no
// default: "give --bracket LO,HI").
std::optional<GoalSeekBracket> defaultGoalSeekBracket(const Portfolio& p, const std::string& path,
                                                      QString* error);

struct InputGoalSeek {
    std::string path;
    std::optional<double> value; // the input as the file holds it (none: left out, its default applies)
    GoalSeekTarget target;
    GoalSeekBracket bracket;
    GoalSeekResult result;
    QString
        failure; // NotEvaluated: why the value result.failedAt could not be evaluated (the file's message)
};

// Goal seek of `target` on the input at `path` in p (a valid portfolio), over `bracket` or, without
// one, defaultGoalSeekBracket. Nullopt and *error when the input or the target cannot be goal-sought
// at all: the path's or the file's message, an alternative that is not in the portfolio. A solve
// that finds no solution is a result (result.status), said by goalSeekOutcome.
std::optional<InputGoalSeek> goalSeekInput(const Portfolio& p, const SkuCatalog& catalog,
                                           const std::string& path, const GoalSeekTarget& target,
                                           const std::optional<GoalSeekBracket>& bracket, QString* error,
                                           const GoalSeekTolerance& tolerance = {});

// The outcome in one line: "/contracts/0/price_per_gpu_hour = 1.10832 (NPV cost of rent - NPV cost of
// buy = 0.0002)", or plainly why there is none: "no solution in [0, 10000]: NPV cost of rent - NPV
// cost of buy is 1.2e+07 at 0 and 4.1e+09 at 10000, the same sign".
QString goalSeekOutcome(const InputGoalSeek& g);

// How the root finder was asked to stop, in words (docs/model.md 11.8).
QString goalSeekToleranceText(const GoalSeekTolerance& t);

} // namespace ledger::data
