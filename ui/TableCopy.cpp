#include "ui/TableCopy.h"

#include "models/TableText.h"

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QStandardPaths>

namespace ledger::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("TableCopy", text);
}

} // namespace

void enableTableCopy(QAbstractItemView* view) {
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectItems);

    auto* copy = new QAction(tr("Copy"), view);
    copy->setObjectName("copyCells");
    copy->setToolTip(tr("Copy the selected cells as tab-separated text"));
    QObject::connect(copy, &QAction::triggered, view, [view] { copyTableSelection(view, false); });

    // Ctrl+C: the shortcut map sees the key before the view's own Copy (which copies one cell's
    // text); an open cell editor still takes it first, so Ctrl+C in an edited cell copies its text.
    auto* withHeaders = new QAction(tr("Copy with headers"), view);
    withHeaders->setObjectName("copyCellsWithHeaders");
    withHeaders->setShortcut(QKeySequence::Copy);
    withHeaders->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    withHeaders->setToolTip(tr("Copy the selected cells with the column and row headers"));
    QObject::connect(withHeaders, &QAction::triggered, view, [view] { copyTableSelection(view, true); });

    auto* exportCsv = new QAction(tr("Export CSV..."), view);
    exportCsv->setObjectName("exportTableCsv");
    exportCsv->setToolTip(tr("Save the whole table as a CSV file"));
    QObject::connect(exportCsv, &QAction::triggered, view, [view] { exportTableCsv(view); });

    view->addAction(copy);
    view->addAction(withHeaders);
    view->addAction(exportCsv);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

QAction* tableCopyAction(const QAbstractItemView* view, const char* name) {
    for (QAction* a : view->actions())
        if (a->objectName() == QLatin1String(name))
            return a;
    return nullptr;
}

void copyTableSelection(QAbstractItemView* view, bool withHeaders) {
    const QAbstractItemModel* model = view->model();
    if (!model)
        return;
    QModelIndexList cells =
        view->selectionModel() ? view->selectionModel()->selectedIndexes() : QModelIndexList();
    if (cells.isEmpty() && view->currentIndex().isValid())
        cells << view->currentIndex();
    const QString text = models::selectionTsv(*model, cells, withHeaders);
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void exportTableCsv(QAbstractItemView* view) {
    const QAbstractItemModel* model = view->model();
    if (!model)
        return;
    const QString name = view->objectName().isEmpty() ? QStringLiteral("table") : view->objectName();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        view, tr("Export CSV"), QDir(folder).filePath(name + ".csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!models::writeTableCsv(*model, path, &error))
        QMessageBox::warning(view, tr("Export CSV"), tr("The table was not saved.\n%1").arg(error));
}

} // namespace ledger::ui
