#include "ui/DemandEditor.h"

#include "models/DatedValues.h"
#include "models/FieldCatalog.h"
#include "models/NumberInput.h"
#include "models/PortfolioDocument.h"
#include "ui/Buttons.h"
#include "ui/CurveGrid.h"
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

double& member(OuProcess& p, const QString& key) {
    return key == "volatility" ? p.volatility : p.reversionPerYear;
}

} // namespace

DemandEditor::DemandEditor(models::PortfolioDocument* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc) {
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
    auto* add =
        makeButton(tr("Add a demand"),
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

    grid_ = new CurveGrid(doc_, "demand.curve", false, editor_);
    grid_->setObjectName("demandGrid");
    grid_->table()->setObjectName("demandCurve");
    grid_->table()->setToolTip(
        tr("GPUs needed from each date on (the latest point on or before a day; none "
           "before the first). Edit a cell (60,000), or paste two columns (date, GPUs) "
           "from a spreadsheet with Ctrl+V."));
    connect(grid_, &CurveGrid::refused, this, &DemandEditor::say);
    edit->addWidget(grid_);

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
        makeButton(tr("Remove demand"), tr("Cost each alternative on its own capacity again (one undo step)"),
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
    drawDemandCurve(freshChart(chart_), *p.demand, p.valuationDate, doc_->baseEvaluation().horizonEnd);
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
        const QString text = models::showNumber(member(u, f.key), models::numberFormOf(f), locale());
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
    grid_->appendPoint();
}

void DemandEditor::deleteSelectedPoints() {
    grid_->deleteSelectedPoints();
}

void DemandEditor::paste(const QString& text) {
    grid_->paste(text);
}

QTableView* DemandEditor::table() const {
    return grid_->table();
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
    const auto& fields = models::demandUncertaintyFields();
    const auto spec = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.key == key; });
    const auto value =
        models::parseValueCell(line->text(), path, models::numberFormOf(*spec), locale(), &error);
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
