#include "ui/tabs/OverviewTab.h"

#include "models/BreakevenText.h"
#include "models/CapacityText.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace ledger::ui {

OverviewTab::OverviewTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    verdict_ = new QLabel(this);
    verdict_->setObjectName("verdict");
    verdict_->setWordWrap(true);
    cards_ = new QHBoxLayout();
    breakeven_ = new QLabel(this);
    breakeven_->setWordWrap(true);
    breakeven_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(verdict_);
    layout->addLayout(cards_);
    layout->addWidget(breakeven_);
    layout->addStretch(1);
}

void OverviewTab::refresh() {
    while (QLayoutItem* item = cards_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!doc_->hasPortfolio())
        return;
    const auto& r = doc_->evaluation();
    const QString cur = QString::fromStdString(r.currency);
    const auto ranked = r.rankedAtFullCapacity();
    if (r.nothingToCompare()) {
        // Every cost is 0: naming the first alternative "cheapest by 0.0 M" would be a false finding.
        // The reason reads on after "Nothing to compare: " elsewhere; under a heading it is a sentence.
        QString reason = models::nothingToCompareReason(doc_->portfolio(), r);
        reason[0] = reason[0].toUpper();
        verdict_->setText("<h2>" + tr("Nothing to compare") + "</h2>" + reason.toHtmlEscaped());
    } else if (ranked.size() >= 2) {
        verdict_->setText(tr("<h2>%1 is cheapest</h2>by %2 %3 M of NPV cost against %4; LCOC %5 %6 per "
                             "H100-equivalent GPU-hour")
                              .arg(QString::fromStdString(ranked[0]->name).toHtmlEscaped(), cur,
                                   models::formatMillions(ranked[1]->npvCost - ranked[0]->npvCost),
                                   QString::fromStdString(ranked[1]->name).toHtmlEscaped(), cur,
                                   ranked[0]->lcoc ? models::formatPerHour(*ranked[0]->lcoc) : tr("n/a")));
    } else if (ranked.size() == 1 && r.alternatives.size() >= 2) {
        verdict_->setText("<h2>" + models::onlyFullCapacitySentence(*ranked[0]).toHtmlEscaped() + "</h2>");
    }
    if (!r.nothingToCompare())
        if (const QString shortfall = models::capacityShortSentence(r); !shortfall.isEmpty())
            verdict_->setText(verdict_->text() + "<p>" + shortfall.toHtmlEscaped() + "</p>");
    for (const auto& a : r.alternatives) {
        auto* card = new QGroupBox(QString::fromStdString(a.name), this);
        auto* v = new QVBoxLayout(card);
        auto* npv = new QLabel(tr("<span style='font-size:18pt'>%1 M</span><br>NPV cost (%2, after tax)")
                                   .arg(models::formatMillions(a.npvCost), cur),
                               card);
        auto* rest = new QLabel(
            tr("Total cash %1 M<br>LCOC %2 per GPU-hour<br>Used GPU-hours %3 M<br>"
               "H100-equivalent %4 M")
                .arg(models::formatMillions(a.totalCash), a.lcoc ? models::formatPerHour(*a.lcoc) : tr("n/a"),
                     models::formatMillions(a.usedGpuHours), models::formatMillions(a.usedH100Hours)),
            card);
        npv->setObjectName("cardNpv");
        v->addWidget(npv);
        v->addWidget(rest);
        cards_->addWidget(card);
    }
    // With nothing to compare every sentence would name a winner among costs of 0: no breakeven, as in
    // the PDF and the terminal table.
    const QStringList lines = models::breakevenSentences(r, models::TextStyle::Html);
    breakeven_->setText(r.nothingToCompare() ? QString()
                                             : "<h3>" + tr("Breakeven") + "</h3>" + lines.join("<br>"));
}

QString OverviewTab::verdictText() const {
    return verdict_->text();
}

QString OverviewTab::cardText(int alternative) const {
    const auto* item = cards_->itemAt(alternative);
    return item && item->widget() ? item->widget()->findChild<QLabel*>("cardNpv")->text() : QString();
}

} // namespace ledger::ui
