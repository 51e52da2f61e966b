#pragma once
// The scenarios in words (issue 21), one wording for the window's Scenarios tab and the PDF's "How
// the decision holds up": which scenarios flip the verdict of the base case, and what each winner
// is.
#include "data/ScenarioResults.h"

#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace ledger::models {

// The alternatives of a scenario table's columns (id, name): every alternative any row has, the
// base case's in its order first, then those only a scenario has.
std::vector<std::pair<std::string, std::string>> scenarioColumns(const std::vector<data::ScenarioOutcome>& o);

// The name of a row's winner ("Buy and operate"), or "none" when nothing is compared there.
QString winnerName(const data::ScenarioOutcome& o);

// A row's winner's lead over the runner-up at full capacity, in the currency (none without a winner).
std::optional<double> winnerLead(const data::ScenarioOutcome& o);

// An override in words, for the reports and tooltips: the input as the editor names it, its value in
// the base case and the scenario's ("GPU price trend per year -0.15 -> -0.4", "Demand curve: 7
// points -> 7 points", "Discount rate 0.09 -> its default"); an input the editor has no name for
// keeps its path.
QString overrideInWords(const Portfolio& base, const ScenarioOverride& o);

// Which scenarios flip the verdict, in a sentence: "No scenario flips the verdict: Buy and operate
// is cheapest in the base case and in all 3 scenarios." or "1 of 6 scenarios flips the verdict: in
// "GPU price collapse" Rent from CoreWeave is cheapest, by USD 1,200.0 M; in ...; Buy and operate
// stays cheapest in the other 4." Empty when there is no scenario (outcomes: the base case first,
// as data::evaluateScenarios gives them).
QString verdictHoldsSentence(const std::vector<data::ScenarioOutcome>& outcomes);

} // namespace ledger::models
