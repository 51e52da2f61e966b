#include "ui/DemandEditor.h"

#include "models/DemandCurveModel.h"
#include "models/DemandInput.h"
#include "models/FieldCatalog.h"
#include "models/PortfolioDocument.h"
#include "ui/TableCopy.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/DemandCharts.h"

#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {

QString textOf(double v) {
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

double& member(OuProcess& p, const QString& key) {
    return key == "volatility" ? p.volatility : p.reversionPerYear;
}

QPushButton* button(const QString& text, const QString& tip, const QString& name, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setToolTip(tip);
    b->setObjectName(name);
    return b;
}

} // namespace

DemandEditor::DemandEditor(models::PortfolioDocument* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , model_(new models::DemandCurveModel(doc, this)) {
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<b>Demand</b><br>The need every alternative is costed as meeting: "
                                "from each date on, this many GPUs of the SKU. What an alternative's "
                                "capacity lacks is bought at spot; what it has beyond is idle."),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);

    none_ = new QWidget(this);
    auto* noneLayout = new QVBoxLayout(none_);
    noneLayout->setContentsMargins(0, 0, 0, 0);
    auto* noneText =
        new QLabel(tr("No demand: each alternative is costed on its own capacity and utilization, "
                      "so alternatives that deliver different capacity are not ranked."),
                   none_);
    noneText->setWordWrap(true);
    auto* add = button(tr("Add a demand"),
                       tr("Start from the first alternative's used hours: H100 GPUs by year (one undo step)"),
                       "addDemand", none_);
    connect(add, &QPushButton::clicked, this, &DemandEditor::addDemand);
    noneLayout->addWidget(noneText);
    noneLayout->addWidget(add, 0, Qt::AlignLeft);
    layout->addWidget(none_);

    editor_ = new QWidget(this);
    auto* edit = new QVBoxLayout(editor_);
    edit->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout();
    sku_ = new QComboBox(editor_);
    sku_->setObjectName("demandSku");
    sku_->setToolTip(tr("The curve's GPUs are of this SKU: a day needs 24 x GPUs x its performance index "
                        "H100-equivalent hours."));
    connect(sku_, &QComboBox::activated, this, &DemandEditor::commitSku);
    form->addRow(tr("SKU"), sku_);
    edit->addLayout(form);

    table_ = new QTableView(editor_);
    table_->setObjectName("demandCurve");
    table_->setModel(model_);
    enableTableCopy(table_);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->setMinimumHeight(150);
    table_->setToolTip(tr("GPUs needed from each date on (the latest point on or before a day; none "
                          "before the first). Edit a cell, or paste two columns (date, GPUs) from a "
                          "spreadsheet with Ctrl+V."));
    edit->addWidget(table_);
    auto* rows = new QHBoxLayout();
    auto* append =
        button(tr("+ Point"), tr("Add a point a year after the last, with its GPUs"), "appendPoint", editor_);
    auto* remove =
        button(tr("Delete points"), tr("Delete the selected points (Del)"), "deletePoints", editor_);
    auto* paste = button(tr("Paste curve"),
                         tr("Replace the curve with two columns (date, GPUs) copied from a spreadsheet"),
                         "pasteCurve", editor_);
    connect(append, &QPushButton::clicked, this, &DemandEditor::appendPoint);
    connect(remove, &QPushButton::clicked, this, &DemandEditor::deleteSelectedPoints);
    connect(paste, &QPushButton::clicked, this,
            [this] { this->paste(QGuiApplication::clipboard()->text()); });
    rows->addWidget(append);
    rows->addWidget(remove);
    rows->addWidget(paste);
    rows->addStretch(1);
    edit->addLayout(rows);
    // On the table itself, not its cell editors: there Del and Ctrl+V edit the text.
    auto* pasteKey = new QShortcut(QKeySequence::Paste, table_, nullptr, nullptr, Qt::WidgetShortcut);
    connect(pasteKey, &QShortcut::activated, this,
            [this] { this->paste(QGuiApplication::clipboard()->text()); });
    auto* deleteKey = new QShortcut(QKeySequence::Delete, table_, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &DemandEditor::deleteSelectedPoints);

    auto* uncertainty = new QFormLayout();
    for (const auto& f : models::demandUncertaintyFields()) {
        auto* line = new QLineEdit(editor_);
        line->setObjectName("market.demand." + f.key);
        line->setProperty("jsonKey", f.key);
        line->setToolTip(f.tooltip);
        connect(line, &QLineEdit::editingFinished, this, [this, line] { commitUncertainty(line); });
        auto* label = new QLabel(tr("Demand %1 (%2)").arg(f.label.toLower(), f.unit), editor_);
        label->setToolTip(f.tooltip);
        uncertainty->addRow(label, line);
    }
    edit->addLayout(uncertainty);
    chart_ = makeChartView(QString(), editor_);
    chart_->setObjectName("demandChart");
    chart_->setMinimumHeight(200);
    edit->addWidget(chart_);
    auto* drop =
        button(tr("Remove demand"), tr("Cost each alternative on its own capacity again (one undo step)"),
               "removeDemand", editor_);
    connect(drop, &QPushButton::clicked, this, &DemandEditor::removeDemand);
    edit->addWidget(drop, 0, Qt::AlignLeft);
    layout->addWidget(editor_);

    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setObjectName("validationMessage");
    message_->setStyleSheet("color: #c62828;");
    layout->addWidget(message_);
    layout->addStretch(1);

    connect(model_, &models::DemandCurveModel::editRefused, this, &DemandEditor::say);
    connect(doc_, &models::PortfolioDocument::evaluationChanged, this, &DemandEditor::refresh);
    refresh();
}

void DemandEditor::showEvent(QShowEvent* event) {
    if (chartStale_)
        drawChart();
    QWidget::showEvent(event);
}

void DemandEditor::drawChart() {
    chartStale_ = false;
    if (!doc_->hasPortfolio() || !doc_->portfolio().demand)
        return;
    const Portfolio& p = doc_->portfolio();
    drawDemandCurve(freshChart(chart_), *p.demand, p.valuationDate, doc_->evaluation().horizonEnd);
}

void DemandEditor::refresh() {
    message_->clear(); // a change went through: an earlier refusal is history
    const bool has = doc_->hasPortfolio() && doc_->portfolio().demand;
    none_->setVisible(!has);
    editor_->setVisible(has);
    if (!has)
        return;
    const Portfolio& p = doc_->portfolio();
    {
        const QSignalBlocker block(sku_);
        sku_->clear();
        for (const Sku& s : doc_->usableSkus())
            sku_->addItem(
                QString("%1 (%2)").arg(QString::fromStdString(s.id), QString::fromStdString(s.name)),
                QString::fromStdString(s.id));
        sku_->setCurrentIndex(sku_->findData(QString::fromStdString(p.demand->sku)));
    }
    for (const auto& f : models::demandUncertaintyFields()) {
        QLineEdit* line = uncertaintyField(f.key);
        // A field being typed in keeps its text; the others show the document's value.
        if (line->hasFocus() && line->text() != line->property("shown").toString())
            continue;
        OuProcess u = p.market.demand;
        const QString text = textOf(member(u, f.key));
        line->setText(text);
        line->setProperty("shown", text);
    }
    // The chart is the costly part: hidden (another tree item is edited), it is drawn when shown.
    chartStale_ = true;
    if (isVisible())
        drawChart();
}

void DemandEditor::say(const QString& error) {
    message_->setText(error);
}

void DemandEditor::addDemand() {
    QString error;
    say(doc_->addDemandFromAlternative(0, &error) ? QString() : error);
}

void DemandEditor::removeDemand() {
    QString error;
    say(doc_->removeDemand(&error) ? QString() : error);
}

void DemandEditor::appendPoint() {
    QString error;
    say(model_->appendPoint(&error) ? QString() : error);
}

void DemandEditor::deleteSelectedPoints() {
    QList<int> rows;
    for (const QModelIndex& i : table_->selectionModel()->selectedIndexes())
        rows << i.row();
    if (rows.isEmpty() && table_->currentIndex().isValid())
        rows << table_->currentIndex().row();
    QString error;
    say(model_->removePoints(rows, &error) ? QString() : error);
}

void DemandEditor::paste(const QString& text) {
    QString error;
    say(model_->pasteCurve(text, &error) ? QString() : error);
}

void DemandEditor::commitSku() {
    const Portfolio& p = doc_->portfolio();
    const std::string id = sku_->currentData().toString().toStdString();
    if (!p.demand || id == p.demand->sku)
        return;
    Demand next = *p.demand;
    next.sku = id;
    QString error;
    if (!doc_->setDemand(next, tr("Set demand.sku to %1").arg(QString::fromStdString(id)), &error)) {
        say(error);
        const QSignalBlocker block(sku_);
        sku_->setCurrentIndex(sku_->findData(QString::fromStdString(p.demand->sku)));
    }
}

void DemandEditor::commitUncertainty(QLineEdit* line) {
    const QString key = line->property("jsonKey").toString();
    if (line->text().trimmed() == line->property("shown").toString())
        return;
    const QString path = "market.demand." + key;
    QString error;
    const auto value = models::parseNumberCell(line->text(), path, &error);
    OuProcess next = doc_->portfolio().market.demand;
    if (value)
        member(next, key) = *value;
    if (!value || !doc_->setDemandUncertainty(next, tr("Edit %1").arg(path), &error)) {
        say(error);
        line->setText(line->property("shown").toString());
        return;
    }
    say(QString());
}

QLineEdit* DemandEditor::uncertaintyField(const QString& key) const {
    return editor_->findChild<QLineEdit*>("market.demand." + key);
}

QString DemandEditor::message() const {
    return message_->text();
}

} // namespace ledger::ui
