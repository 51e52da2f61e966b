#pragma once
// What a user does in the window, for the UI tests: type into an editor field and leave it, pick a
// keyword from a drop-down, run the Monte Carlo from its panel and wait for it.
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

} // namespace ledger::ui::test
