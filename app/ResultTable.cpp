#include "app/ResultTable.h"

#include "data/MessageText.h"
#include "models/BreakevenText.h"
#include "models/CapacityText.h"
#include "models/CostLineText.h"
#include "models/DecisionText.h"
#include "models/MoneyFormat.h"

#include <QLocale>

#include <algorithm>

namespace ledger::app {

namespace {

QString millions(double v) {
    return QLocale(QLocale::English).toString(v / 1e6, 'f', 1);
}

QString pad(const QString& s, int width, bool right) {
    return right ? s.rightJustified(width, ' ') : s.leftJustified(width, ' ');
}

// Text from the file as the terminal should show it: a name holding ESC [31m would recolour (or,
// with other sequences, retitle or rewrite) the user's terminal, so control characters are printed
// escaped (\u001b), the way messages show them.
QString shown(const std::string& s) {
    return data::oneLine(QString::fromStdString(s));
}

} // namespace

QString formatResultTable(const Portfolio& p, const EvaluationResult& r) {
    const QString cur = shown(r.currency);
    QString out;
    out += shown(r.name) + "\n";
    out += QString("Valuation %1, horizon %2 (%3 monthly periods), %4, discount rate %5, tax rate %6\n\n")
               .arg(QString::fromStdString(formatIsoDate(r.valuationDate)),
                    QString::fromStdString(formatIsoDate(r.horizonEnd)), QString::number(r.periods), cur,
                    models::formatPercent(p.assumptions.discountRate, 2),
                    models::formatPercent(p.assumptions.taxRate, 2));

    // The width of the text as printed (escapes included), so the columns stay aligned.
    std::vector<QString> names;
    int nameWidth = 11;
    for (const auto& a : r.alternatives) {
        names.push_back(shown(a.name) + " (" + shown(a.id) + ")");
        nameWidth = std::max(nameWidth, int(names.back().size()));
    }
    const QString header = pad("Alternative", nameWidth, false) + pad("NPV cost (" + cur + " M)", 22, true) +
                           pad("Total cash (" + cur + " M)", 24, true) +
                           pad("LCOC (" + cur + "/GPU-h*)", 22, true);
    out += header + "\n" + QString(header.size(), '-') + "\n";
    for (std::size_t i = 0; i < r.alternatives.size(); ++i) {
        const auto& a = r.alternatives[i];
        const QString& name = names[i];
        const QString lcoc = a.lcoc ? QLocale(QLocale::English).toString(*a.lcoc, 'f', 4) : QString("n/a");
        out += pad(name, nameWidth, false) + pad(millions(a.npvCost), 22, true) +
               pad(millions(a.totalCash), 24, true) + pad(lcoc, 22, true) + "\n";
    }
    // The one wording of LCOC every output uses (models/DecisionText).
    out += "* LCOC: " + models::lcocMeaning() + (r.hasDemand ? " (of the demand)" : "") + "\n\n";

    const auto ranked = r.rankedAtFullCapacity();
    if (r.nothingToCompare()) {
        // Not "X is cheapest, 0.0 M below Y": with every cost 0 the order is only the file's.
        out += models::nothingToCompareSentence(p, r) + "\n";
    } else if (ranked.size() >= 2) {
        out += QString("Verdict: %1 is cheapest, %2 %3 M NPV below %4 (the next best).\n")
                   .arg(shown(ranked[0]->name), cur, millions(ranked[1]->npvCost - ranked[0]->npvCost),
                        shown(ranked[1]->name));
    } else if (ranked.size() == 1 && r.alternatives.size() >= 2) {
        out += "Verdict: " + data::oneLine(models::onlyFullCapacitySentence(*ranked[0])) + ".\n";
    }
    if (!r.nothingToCompare())
        if (const QString shortfall = models::capacityShortSentence(r); !shortfall.isEmpty())
            out += "Capacity: " + data::oneLine(shortfall) + "\n";
    // With a demand: what each alternative is costed on, and how it meets it.
    if (const QString demand = models::demandSentence(r); !demand.isEmpty()) {
        out += "Demand: " + data::oneLine(demand) + "\n";
        for (const auto& a : r.alternatives)
            out += "  " + data::oneLine(models::demandServedSentence(a)) + "\n";
    }
    // The same sentences as the Overview tab and the PDF report (none with nothing to compare: they
    // would name a winner among costs of 0). They quote names, hence oneLine; the sentences' own words
    // hold no control character, so only the names change.
    if (!r.nothingToCompare()) {
        for (const QString& sentence : models::breakevenSentences(r, models::TextStyle::Plain))
            out += "Breakeven: " + data::oneLine(sentence) + "\n";
        // What each cost is made of (docs/model.md, "Cost lines"), the rows of the PDF's table.
        out += "\n" + pad("NPV by cost line (" + cur + " M)", 30, false);
        for (const auto& a : r.alternatives)
            out += pad(shown(a.id), 16, true);
        out += "\n";
        for (const CostLine line : models::costLinesShown(r)) {
            out += pad(models::costLineLabel(line), 30, false);
            for (const auto& a : r.alternatives) {
                const auto npv = models::lineNpv(a, line);
                out += pad(npv ? millions(*npv) : QString("-"), 16, true);
            }
            out += "\n";
        }
        out += pad("NPV cost after tax", 30, false);
        for (const auto& a : r.alternatives)
            out += pad(millions(a.npvCost), 16, true);
        out += "\n";
    }
    return out;
}

QString scenarioMatrixTable(const std::vector<data::ScenarioOutcome>& rows,
                            const std::vector<std::optional<SimulationResult>>& runs,
                            const std::string& currency) {
    if (rows.empty())
        return {};
    const QString cur = shown(currency);
    const auto& alternatives = rows.front().evaluation.alternatives;
    int nameWidth = 10;
    for (const auto& r : rows)
        nameWidth = std::max(nameWidth, int(shown(r.name).size()) + 2);
    std::vector<int> widths;
    QString header = pad("Scenario", nameWidth, false);
    for (const auto& a : alternatives) {
        widths.push_back(std::max(14, int(shown(a.name).size()) + 2));
        header += pad(shown(a.name), widths.back(), true);
    }
    header += "  Winner";
    QString out = "NPV cost by scenario (" + cur + " M); * the verdict flips\n\n";
    out += header + "\n" + QString(header.size(), '-') + "\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        QString line = pad(shown(r.name) + (r.flipsVerdict ? " *" : ""), nameWidth, false);
        for (std::size_t a = 0; a < alternatives.size(); ++a)
            line += pad(a < r.evaluation.alternatives.size() ? millions(r.evaluation.alternatives[a].npvCost)
                                                             : QString("n/a"),
                        widths[a], true);
        QString winner = r.winner ? shown(r.evaluation.alternatives[*r.winner].name) : QString("none");
        if (r.winner && i < runs.size() && runs[i])
            for (const auto& s : runs[i]->alternatives)
                if (s.id == r.evaluation.alternatives[*r.winner].id)
                    winner += " (cheapest on " + models::formatPercent(s.probCheapest) + " of the paths)";
        out += line + "  " + winner + "\n";
    }
    return out;
}

} // namespace ledger::app
