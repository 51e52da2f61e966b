#pragma once
// The first main window: the alternatives' NPV cost, LCOC and annual cash of the open portfolio.
// It shows models; it computes nothing itself.
#include <QMainWindow>

class QLabel;
class QTableView;

namespace ledger::models {
class PortfolioDocument;
class AlternativesTableModel;
class AnnualCashModel;
} // namespace ledger::models

namespace ledger::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the file, or the bundled example when path is empty. A file that cannot be read is
    // reported and the example opens instead. Returns false only if nothing could be opened.
    bool openInitial(const QString& path);
    models::PortfolioDocument* document() const { return document_; }

private:
    void openFile();
    void refresh();

    models::PortfolioDocument* document_;
    models::AlternativesTableModel* alternativesModel_;
    models::AnnualCashModel* annualModel_;
    QLabel* title_;
    QLabel* verdict_;
    QTableView* alternativesView_;
    QTableView* annualView_;
};

} // namespace ledger::ui
