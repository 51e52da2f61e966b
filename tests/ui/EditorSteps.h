#pragma once
// What a user does in the item editor, for the UI tests: type into a field and leave it, pick a
// keyword from a drop-down.
#include "ui/ItemEditor.h"

#include <QComboBox>
#include <QLineEdit>
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

} // namespace ledger::ui::test
