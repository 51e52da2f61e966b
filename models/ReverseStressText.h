#pragma once
// The reverse stress in words (docs/model.md 11.9), written once for the Overview (HTML, the inputs
// in bold), the PDF and the terminal (plain): the smallest move of each input alone that flips the
// verdict, ranked, the inputs that cannot flip it within their ranges, and with a Monte Carlo run of
// the current inputs the share of paths on which the verdict flips. Settings are named as the
// tornado names them (portfolio/SensitivityInputs.h sensitivitySettingLabel), to three significant
// digits.
#include "analytics/ReverseStress.h"
#include "engine/EvaluationResult.h"
#include "models/BreakevenText.h"
#include "montecarlo/SimulationResult.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ledger::models {

// The setting that flips the verdict, "x0.721", "-31.2%/yr", "+4.37 pts"; empty when none does.
QString flipSettingLabel(const VerdictFlip& f);
// The move from the base as the ranking measures it (ReverseStress.h moveScale), "28.0%".
QString flipMoveText(const VerdictFlip& f);
// The settings searched, "x0 to x10".
QString flipRangeText(const VerdictFlip& f);

// One sentence per input that flips the verdict, smallest move first. The first names both
// alternatives: "GPU market (spot) prices x0.721 (a move of 27.9%) flips Buy and operate to Spot
// market."; the others "Fleet capex x1.48 (a move of 48.0%) flips it." When the two cost the same as
// given, one sentence says that no move is needed.
QStringList verdictFlipSentences(const EvaluationResult& r, const ReverseStress& s, TextStyle style);

// The inputs that cannot flip it, one sentence: "GPU price trend and Residual value cannot flip it
// within their allowed ranges." (the ranges: flipRangeText). Empty when every input can.
QString noFlipSentence(const ReverseStress& s, TextStyle style);

// The share of the run's paths on which the runner-up costs less than the winner (its probCheaper
// for the pair, either way round); none when the run does not hold the pair.
std::optional<double> verdictFlipProbability(const ReverseStress& s, const SimulationResult& run);
// "Monte Carlo, 100,000 paths: the verdict flips on 3.2% of them (Rent from CoreWeave costs less than
// Buy and operate)."; empty when the run does not hold the pair.
QString flipProbabilitySentence(const EvaluationResult& r, const ReverseStress& s,
                                const SimulationResult& run);

} // namespace ledger::models
