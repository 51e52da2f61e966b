#include "ui/tabs/DocumentTab.h"

#include "models/PortfolioDocument.h"

namespace ledger::ui {

DocumentTab::DocumentTab(models::PortfolioDocument* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc) {
    connect(doc_, &models::PortfolioDocument::evaluationChanged, this, [this] {
        if (isVisible())
            refreshNow();
        else
            stale_ = true;
    });
}

void DocumentTab::refreshNow() {
    stale_ = false;
    refresh();
}

void DocumentTab::showEvent(QShowEvent* event) {
    if (stale_)
        refreshNow();
    QWidget::showEvent(event);
}

} // namespace ledger::ui
