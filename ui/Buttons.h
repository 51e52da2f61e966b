#pragma once
// A push button as the editors make them: its text, a tooltip saying what it does, and an object name
// the tests find it by.
#include <QPushButton>

namespace ledger::ui {

inline QPushButton* makeButton(const QString& text, const QString& tip, const QString& name,
                               QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setToolTip(tip);
    b->setObjectName(name);
    return b;
}

} // namespace ledger::ui
