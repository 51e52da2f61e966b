#pragma once
// The decision in words, written once for the Overview (and, for LCOC, every table and report):
// what LCOC means and its arithmetic for one alternative, which two alternatives the decision is
// between, what would change the verdict (the widest tornado bars of that pair, MODEL.md 7) and the
// Monte Carlo band of NPV cost (MODEL.md 6.2) when a run for the current inputs exists.
#include "analytics/Sensitivity.h"
#include "engine/EvaluationResult.h"
#include "models/BreakevenText.h"
#include "montecarlo/SimulationResult.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace ledger::models {

// What LCOC is, the one wording every output uses: "cost per H100-equivalent GPU-hour, after tax,
// discounted".
QString lcocMeaning();

// The arithmetic behind one alternative's LCOC (docs/model.md, MODEL.md 6.2 and 8), plain text:
// "LCOC = NPV cost / discounted H100-equivalent GPU-hours\n= USD 12,742.0 M / 28,097.1 M\n= USD 0.4535
// per H100-equivalent GPU-hour" and what the hours are (the used hours x the SKU's performance
// index, or with a demand the demand's, each discounted at its period end). The hours are the NPV
// cost over the LCOC, the engine's own quotient read back. Without an LCOC, why there is none.
QString lcocArithmetic(const AlternativeResult& a, const std::string& currency);

// The decision's pair: the cheapest alternative at full capacity and the next best, as indices into
// r.alternatives. None when fewer than two are ranked or there is nothing to compare.
std::optional<std::pair<std::size_t, std::size_t>> decisionPair(const EvaluationResult& r);

// One input of the tornado read against the verdict.
struct VerdictChange {
    std::string input;    // "Contract prices"
    std::string flipsAt;  // the setting at which the other alternative wins ("x0.8"); empty: none
    double gapLow = 0.0;  // the runner-up's NPV cost minus the winner's, the input at its low setting
    double gapHigh = 0.0; // ... at its high setting
    QString sentence;     // "Contract prices x0.8 to x1.2 moves the gap from 5,006.3 to 13,004.7 M; ..."
};

// The first `count` bars of s (widest first), s being the sensitivity of the decision's pair with the
// winner as s.a and the runner-up as s.b (PortfolioDocument::sensitivity(winner, runnerUp)). The gap
// is the runner-up's NPV cost minus the winner's: positive while the winner stays cheaper. A setting
// at which the gap is below zero flips the verdict: the sentence names it and who wins there.
std::vector<VerdictChange> verdictChanges(const EvaluationResult& r, const Sensitivity& s, TextStyle style,
                                          int count = 3);
// The heading's explanation of the gap: "The gap is Rent from CoreWeave's NPV cost minus Buy and
// operate's: USD 9,005.5 M as given."
QString verdictGapSentence(const EvaluationResult& r, const Sensitivity& s);

// The Monte Carlo band of NPV cost, one line: "Monte Carlo, 100,000 paths, seed 20260101: NPV cost P5
// to P95 (USD M): Rent from CoreWeave 19,320.8 to 23,947.4; ... Buy and operate costs no more than
// Rent from CoreWeave on 100.0% of the paths." (or "is cheaper than", as the run stores the pair). The
// run must be the current inputs' (the caller asks
// SimulationController::currentResult, which has none for other inputs).
QString monteCarloBandSentence(const EvaluationResult& r, const SimulationResult& s);
// What the Overview says in place of the band: no run yet, or the last one was for other inputs.
QString noMonteCarloSentence(bool stale);

} // namespace ledger::models
