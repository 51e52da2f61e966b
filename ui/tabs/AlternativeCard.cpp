#include "ui/tabs/AlternativeCard.h"

#include "models/CapacityText.h"
#include "models/DecisionText.h"
#include "models/MoneyFormat.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/DemandCharts.h"

#include <QChartView>
#include <QLabel>
#include <QVBoxLayout>

namespace ledger::ui {

AlternativeCard::AlternativeCard(QWidget* parent)
    : QGroupBox(parent) {
    auto* v = new QVBoxLayout(this);
    npv_ = new QLabel(this);
    npv_->setObjectName("cardNpv");
    rest_ = new QLabel(this);
    lcoc_ = new QLabel(this);
    lcoc_->setObjectName("cardLcoc");
    lcoc_->setWordWrap(true);
    hours_ = new QLabel(this);
    served_ = new QLabel(this);
    served_->setObjectName("cardDemand");
    served_->setWordWrap(true);
    chart_ = makeChartView(QString(), this);
    chart_->setObjectName("capacityChart");
    chart_->setMinimumHeight(200);
    v->addWidget(npv_);
    v->addWidget(rest_);
    v->addWidget(lcoc_);
    v->addWidget(hours_);
    v->addWidget(served_);
    v->addWidget(chart_, 1);
    v->addStretch(0); // text at the top when there is no chart to fill the card
}

void AlternativeCard::setAlternative(const AlternativeResult& a, const std::string& currency,
                                     const QColor& colour) {
    setTitle(QString::fromStdString(a.name));
    npv_->setText(tr("<span style='font-size:18pt'>%1 M</span><br>NPV cost (%2, after tax)")
                      .arg(models::formatMillions(a.npvCost), QString::fromStdString(currency)));
    rest_->setText(tr("Total cash %1 M").arg(models::formatMillions(a.totalCash)));
    lcoc_->setText(tr("LCOC %1 %2: %3")
                       .arg(QString::fromStdString(currency),
                            a.lcoc ? models::formatPerHour(*a.lcoc) : tr("n/a"), models::lcocMeaning()));
    lcoc_->setToolTip(models::lcocArithmetic(a, currency));
    hours_->setText(
        tr("Used GPU-hours %1 M<br>H100-equivalent %2 M")
            .arg(models::formatMillions(a.usedGpuHours), models::formatMillions(a.usedH100Hours)));
    served_->setText(models::demandServedSentence(a));
    served_->setVisible(a.demand.has_value());
    // Spot has no capacity of its own: its sentence says it buys the whole demand.
    const bool charted = a.demand && a.demand->capacityH100Hours > 0.0;
    if (charted) {
        Drawn now{{}, colour.rgb()};
        for (const AnnualRow& row : a.annual)
            now.values.insert(now.values.end(), {double(row.year), row.capacityH100Hours,
                                                 row.shortfallH100Hours, row.demandH100Hours});
        if (!(now == drawn_)) {
            drawCapacityAgainstDemand(freshChart(chart_), a, colour);
            drawn_ = std::move(now);
        }
    }
    chart_->setVisible(charted);
    static_cast<QVBoxLayout*>(layout())->setStretch(6, charted ? 0 : 1);
}

bool AlternativeCard::hasChart() const {
    return !chart_->isHidden();
}

QString AlternativeCard::npvText() const {
    return npv_->text();
}

QString AlternativeCard::demandText() const {
    return served_->isHidden() ? QString() : served_->text();
}

QString AlternativeCard::lcocText() const {
    return lcoc_->text();
}

QString AlternativeCard::lcocToolTip() const {
    return lcoc_->toolTip();
}

QChart* AlternativeCard::chart() const {
    return hasChart() ? chart_->chart() : nullptr;
}

} // namespace ledger::ui
