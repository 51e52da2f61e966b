#include "ui/tabs/OverviewTab.h"

#include "models/BreakevenText.h"
#include "models/CapacityText.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/tabs/AlternativeCard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ledger::ui {

OverviewTab::OverviewTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    verdict_ = new QLabel(this);
    verdict_->setObjectName("verdict");
    verdict_->setWordWrap(true);
    addDemand_ = new QPushButton(tr("Add a demand"), this);
    addDemand_->setObjectName("addDemand");
    connect(addDemand_, &QPushButton::clicked, this, &OverviewTab::addDemand);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setStyleSheet("color: #c62828;");
    cards_ = new QHBoxLayout();
    breakeven_ = new QLabel(this);
    breakeven_->setWordWrap(true);
    breakeven_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(verdict_);
    layout->addWidget(addDemand_, 0, Qt::AlignLeft);
    layout->addWidget(message_);
    layout->addLayout(cards_);
    layout->addWidget(breakeven_);
    layout->addStretch(1);
}

void OverviewTab::refresh() {
    message_->clear(); // the document changed: a refusal before is history
    addDemand_->hide();
    if (!doc_->hasPortfolio()) {
        while (QLayoutItem* item = cards_->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        return;
    }
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
    // Without a demand, alternatives that deliver less are named and a demand is offered; with one,
    // what every alternative is costed on is said beside the verdict.
    const QString shortfall = r.nothingToCompare() ? QString() : models::capacityShortSentence(r);
    if (!shortfall.isEmpty())
        verdict_->setText(verdict_->text() + "<p>" + shortfall.toHtmlEscaped() + "</p>");
    if (const QString demand = models::demandSentence(r); !demand.isEmpty())
        verdict_->setText(verdict_->text() + "<p>" + demand.toHtmlEscaped() + "</p>");
    addDemand_->setVisible(!r.hasDemand && !shortfall.isEmpty());
    addDemand_->setToolTip(
        tr("Adds %1's used hours as the demand curve (H100 GPUs by year), so every alternative is costed "
           "on the same need; one undo step")
            .arg(QString::fromStdString(r.alternatives.front().name)));
    // The cards stay (one per alternative, spot last) and show the new numbers.
    while (cards_->count() > int(r.alternatives.size())) {
        QLayoutItem* item = cards_->takeAt(cards_->count() - 1);
        delete item->widget();
        delete item;
    }
    while (cards_->count() < int(r.alternatives.size()))
        cards_->addWidget(new AlternativeCard(this));
    for (std::size_t i = 0; i < r.alternatives.size(); ++i) {
        AlternativeCard* c = card(int(i));
        c->setAlternative(r.alternatives[i], r.currency, seriesColor(int(i)));
        cards_->setStretch(int(i), c->hasChart() ? 1 : 0); // a card with a chart takes the width
    }
    // With nothing to compare every sentence would name a winner among costs of 0: no breakeven, as in
    // the PDF and the terminal table.
    const QStringList lines = models::breakevenSentences(r, models::TextStyle::Html);
    breakeven_->setText(r.nothingToCompare() ? QString()
                                             : "<h3>" + tr("Breakeven") + "</h3>" + lines.join("<br>"));
}

void OverviewTab::addDemand() {
    QString error;
    message_->setText(doc_->addDemandFromAlternative(0, &error) ? QString() : error);
}

AlternativeCard* OverviewTab::card(int alternative) const {
    const auto* item = cards_->itemAt(alternative);
    return item ? static_cast<AlternativeCard*>(item->widget()) : nullptr;
}

QString OverviewTab::cardDemandText(int alternative) const {
    const AlternativeCard* c = card(alternative);
    return c ? c->demandText() : QString();
}

QChart* OverviewTab::capacityChart(int alternative) const {
    const AlternativeCard* c = card(alternative);
    return c ? c->chart() : nullptr;
}

QString OverviewTab::verdictText() const {
    return verdict_->text();
}

QString OverviewTab::cardText(int alternative) const {
    const AlternativeCard* c = card(alternative);
    return c ? c->npvText() : QString();
}

} // namespace ledger::ui
