#include "ui/report/ReportContent.h"

#include "analytics/Sensitivity.h"
#include "data/CledgerDocument.h"
#include "engine/DeterministicEngine.h"
#include "models/DecisionText.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <set>

namespace ledger::report {

QString reportSourceText(const QString& path, bool unsavedEdits) {
    auto tr = [](const char* s) { return QCoreApplication::translate("ReportContent", s); };
    QString text;
    if (path.isEmpty())
        return tr("not saved yet");
    if (path.startsWith(":/"))
        text = tr("the bundled example (%1)").arg(QFileInfo(path).fileName());
    else
        text = QFileInfo(path).absoluteFilePath();
    return unsavedEdits ? tr("%1, with edits not saved to it").arg(text) : text;
}

ReportContent buildReportContent(const Portfolio& p, const SkuCatalog& catalog,
                                 std::optional<SimulationResult> simulation, const QString& sourceFile) {
    ReportContent c;
    c.portfolio = p;
    c.evaluation = evaluatePortfolio(p, catalog);
    c.simulation = std::move(simulation);
    c.datedCash = datedCashByAlternative(p, catalog);
    // The tornado and the reverse stress of the decision's pair (the verdict's winner and runner-up
    // at full capacity), as the Overview shows them.
    if (const auto pair = models::decisionPair(c.evaluation)) {
        c.sensitivity = npvDifferenceSensitivity(p, catalog, pair->first, pair->second);
        c.reverseStress = reverseStress(p, catalog, pair->first, pair->second);
    }
    // Every scenario applies to a portfolio that passed the file's reader (data/Scenarios.h); the
    // NPV costs and winners need no analytics.
    if (!p.scenarios.empty()) {
        QString error;
        if (auto outcomes = data::evaluateScenarios(p, catalog, &error, EvaluateOptions{false}))
            c.scenarios = std::move(*outcomes);
        else
            c.scenariosProblem = error;
    }
    const bool options = std::any_of(p.contracts.begin(), p.contracts.end(),
                                     [](const Contract& k) { return !k.options.empty(); });
    if (options && c.simulation) {
        OptionValuationSettings s;
        s.simulation.paths = c.simulation->paths;
        s.simulation.seed = c.simulation->seed;
        c.options = valueOptions(p, catalog, s);
    } else if (options) {
        c.options = optionsOnDeterministicPath(p, catalog);
    }
    c.assumptions = models::assumptionsAppendix(p);
    // The demand's SKU too: its market price buys the shortfall (MODEL.md 8).
    const std::vector<std::string> ids = usedSkuIds(p);
    const std::set<std::string> used(ids.begin(), ids.end());
    for (const auto& entry : data::bundledGpuCatalog()) {
        const bool overridden =
            std::any_of(p.skus.begin(), p.skus.end(), [&](const Sku& s) { return s.id == entry.sku.id; });
        if (used.count(entry.sku.id) && !overridden)
            c.skusUsed.push_back(entry);
    }
    c.catalogFigures = models::catalogAppendix(c.skusUsed, p.currency);
    c.inputsHash = data::portfolioInputsHash(p);
    c.version = QCoreApplication::applicationVersion();
    c.sourceFile = sourceFile;
    c.generatedUtc = QDateTime::currentDateTimeUtc();
    return c;
}

} // namespace ledger::report
