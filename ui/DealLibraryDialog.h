#pragma once
// The library of public deals: pick one to add to the portfolio as a pre-filled contract.
#include "portfolio/Deal.h"

#include <QDialog>

#include <vector>

class QListWidget;
class QLabel;

namespace ledger::ui {

class DealLibraryDialog : public QDialog {
    Q_OBJECT
public:
    explicit DealLibraryDialog(std::vector<Deal> deals, QWidget* parent = nullptr);
    // The chosen deal, or nullptr.
    const Deal* selectedDeal() const;
    QListWidget* list() const { return list_; }

private:
    std::vector<Deal> deals_;
    QListWidget* list_;
    QLabel* details_;
};

} // namespace ledger::ui
