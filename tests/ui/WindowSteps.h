#pragma once
// What a user does in the window, for the UI tests: type into an editor field and leave it, pick a
// keyword from a drop-down, run the Monte Carlo from its panel and wait for it.
#include "data/StressTemplates.h"
#include "models/PortfolioDocument.h"
#include "models/SimulationController.h"
#include "ui/ItemEditor.h"
#include "ui/MainWindow.h"
#include "ui/tabs/MonteCarloTab.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

namespace ledger::ui::test {

inline void setField(ItemEditor* editor, const QString& key, const QString& text) {
    QLineEdit* edit = editor->field(key);
    QVERIFY2(edit, qPrintable(key));
    edit->setText(text);
    emit edit->editingFinished();
}

// An empty keyword: the drop-down's "none" entry.
inline void choose(ItemEditor* editor, const QString& key, const QString& keyword) {
    QComboBox* box = editor->choice(key);
    QVERIFY2(box, qPrintable(key));
    const int index = box->findData(keyword);
    QVERIFY2(index >= 0, qPrintable(keyword));
    box->setCurrentIndex(index);
    emit box->activated(index);
}

// Runs `paths` paths from the Monte Carlo panel, as the Run button does, and waits for the result.
inline void runSimulation(MainWindow& w, int paths) {
    QSignalSpy finished(w.simulation(), &models::SimulationController::finished);
    w.monteCarlo()->findChildren<QSpinBox*>().at(0)->setValue(paths);
    w.monteCarlo()->run();
    QVERIFY(finished.wait(60000));
}

// The scenarios the screenshots show (docs/screenshots/scenarios.png): every stress template that
// applies to the open portfolio, and, for the bundled example, one that flips its verdict.
inline void addScreenshotScenarios(MainWindow& w) {
    QString error;
    for (const auto& t : data::stressTemplates())
        w.document()->addStressScenario(t.kind, &error); // a template with nothing to move is left out
    const Portfolio& p = w.document()->portfolio();
    if (p.contracts.size() == 2 && p.contracts[0].id == "cw-2025" && p.contracts[1].totalContractValue) {
        Scenario half{"CoreWeave at half price",
                      "Both CoreWeave contracts renegotiated to half their total contract value.",
                      "illustration",
                      {}};
        for (const auto& c : p.contracts)
            half.overrides.push_back({"/contracts/id=" + c.id + "/total_contract_value",
                                      std::to_string(*c.totalContractValue / 2)});
        QVERIFY2(w.document()->addScenario(half, "Add scenario " + QString::fromStdString(half.name), &error),
                 qPrintable(error));
    }
}

} // namespace ledger::ui::test
