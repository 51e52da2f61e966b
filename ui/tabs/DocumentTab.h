#pragma once
// A tab that shows the document: it redraws when the evaluation changes if it is on screen, and
// otherwise the next time it is shown, so an edit redraws only what the user sees.
#include <QWidget>

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class DocumentTab : public QWidget {
    Q_OBJECT
public:
    DocumentTab(models::PortfolioDocument* doc, QWidget* parent);

protected:
    virtual void refresh() = 0;
    // Call at the end of a subclass constructor: draws once.
    void refreshNow();
    void showEvent(QShowEvent* event) override;
    models::PortfolioDocument* doc_;

private:
    bool stale_ = true;
};

} // namespace ledger::ui
