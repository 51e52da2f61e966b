#include "ui/tabs/OverviewTab.h"

#include "models/OptionText.h"
#include "options/OptionValuation.h"

#include "models/BreakevenText.h"
#include "models/CapacityText.h"
#include "models/DecisionText.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "models/ReverseStressText.h"
#include "models/SimulationController.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"
#include "ui/tabs/AlternativeCard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace ledger::ui {

OverviewTab::OverviewTab(models::PortfolioDocument* doc, models::SimulationController* simulation,
                         QWidget* parent)
    : DocumentTab(doc, parent)
    , simulation_(simulation) {
    // The page scrolls when the window is too short for it, rather than squeezing the charts.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName("overviewScroll");
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    scroll->setWidget(page);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(page);
    verdict_ = new QLabel(page);
    verdict_->setObjectName("verdict");
    verdict_->setWordWrap(true);
    addDemand_ = new QPushButton(tr("Add a demand"), page);
    addDemand_->setObjectName("addDemand");
    connect(addDemand_, &QPushButton::clicked, this, &OverviewTab::addDemand);
    message_ = new QLabel(page);
    message_->setWordWrap(true);
    message_->setStyleSheet("color: #c62828;");
    cards_ = new QHBoxLayout();
    // The decision at a glance: NPV cost by alternative and cumulative cash cost, side by side.
    auto* charts = new QHBoxLayout();
    npvChart_ = makeChartView(tr("NPV cost by alternative, after tax"), page);
    npvChart_->setObjectName("npvChart");
    cumulative_ = makeChartView(tr("Cumulative after-tax cash cost (undiscounted)"), page);
    cumulative_->setObjectName("overviewCumulative");
    // The cumulative chart the wider: its legend names every alternative in one row. Their height
    // bounded: the scrolled page lays out at its preferred height (its labels wrap), and a chart
    // view's preferred height is its scene's.
    for (QChartView* view : {npvChart_, cumulative_}) {
        view->setMinimumHeight(300);
        view->setMaximumHeight(360);
    }
    charts->addWidget(npvChart_, 2);
    charts->addWidget(cumulative_, 3);
    options_ = new QLabel(page);
    options_->setObjectName("overviewOptions");
    options_->setWordWrap(true);
    options_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    band_ = new QLabel(page);
    band_->setObjectName("monteCarloBand");
    band_->setWordWrap(true);
    band_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    crossovers_ = new QLabel(page);
    crossovers_->setObjectName("overviewCrossovers");
    crossovers_->setWordWrap(true);
    auto* words = new QHBoxLayout();
    breakeven_ = new QLabel(page);
    breakeven_->setWordWrap(true);
    breakeven_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    breakeven_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    changes_ = new QLabel(page);
    changes_->setObjectName("whatWouldChange");
    changes_->setWordWrap(true);
    changes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    changes_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    words->addWidget(breakeven_, 1);
    words->addWidget(changes_, 1);
    layout->addWidget(verdict_);
    layout->addWidget(addDemand_, 0, Qt::AlignLeft);
    layout->addWidget(message_);
    layout->addLayout(cards_);
    layout->addWidget(options_);
    layout->addLayout(charts);
    layout->addWidget(band_);
    layout->addWidget(crossovers_);
    layout->addLayout(words);
    layout->addStretch(1); // a tall window: the room left at the bottom
    decisionTimer_ = new QTimer(this);
    decisionTimer_->setSingleShot(true);
    decisionTimer_->setInterval(kDecisionDelayMs);
    connect(decisionTimer_, &QTimer::timeout, this, &OverviewTab::refreshDecision);
    // A run that finishes for these inputs shows its band at once; one for other inputs never does.
    if (simulation_)
        connect(simulation_, &models::SimulationController::finished, this, &OverviewTab::redrawNpv);
}

void OverviewTab::redrawNpv() {
    if (!doc_->hasPortfolio()) {
        freshChart(npvChart_);
        band_->clear();
        drawnRun_ = nullptr;
        return;
    }
    showChanges(); // its Monte Carlo line belongs to the run shown, as the band does
    const auto& r = doc_->evaluation();
    const SimulationResult* s = simulation_ ? simulation_->currentResult() : nullptr;
    drawnRun_ = s;
    const auto pair = models::decisionPair(r);
    drawNpvByAlternative(freshChart(npvChart_), r, pair ? std::optional(pair->first) : std::nullopt, s);
    if (r.nothingToCompare())
        band_->clear();
    else
        band_->setText(s ? models::monteCarloBandSentence(r, *s)
                         : models::noMonteCarloSentence(simulation_ && simulation_->hasStaleResult()));
    // The options beside the contracts: the run's values, or the expected path's savings.
    const Portfolio& p = doc_->shownPortfolio();
    const bool any = std::any_of(p.contracts.begin(), p.contracts.end(),
                                 [](const Contract& c) { return !c.options.empty(); });
    options_->setVisible(any);
    if (!any) {
        options_->clear();
        return;
    }
    const std::vector<OptionResult>* run = simulation_ ? simulation_->currentOptions() : nullptr;
    const std::vector<OptionResult> expected =
        run ? std::vector<OptionResult>{} : optionsOnDeterministicPath(p, doc_->catalog());
    QStringList lines{tr("<b>What the options are worth</b>")};
    for (const OptionResult& o : run ? *run : expected)
        lines << tr("<b>%1</b>: %2. %3")
                     .arg(
                         QString::fromStdString(o.option.optionId).toHtmlEscaped(),
                         models::optionTermsInWords(p, o).toHtmlEscaped(),
                         models::optionValueInWords(o, r.currency, alternativeName(r, o.option.alternativeId))
                             .toHtmlEscaped());
    options_->setText(lines.join("<br>"));
}

QString OverviewTab::optionsText() const {
    return options_->isVisibleTo(this) ? options_->text() : QString();
}

void OverviewTab::refresh() {
    message_->clear(); // the document changed: a refusal before is history
    addDemand_->hide();
    if (!doc_->hasPortfolio()) {
        while (QLayoutItem* item = cards_->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        decisionTimer_->stop();
        decisionNow_ = true; // the next portfolio's first picture, at once
        freshChart(npvChart_);
        freshChart(cumulative_);
        for (QLabel* label : {band_, crossovers_, breakeven_, changes_})
            label->clear();
        changesBody_.clear();
        stress_.reset();
        return;
    }
    const auto& r = doc_->evaluation();
    const QString cur = QString::fromStdString(r.currency);
    const auto ranked = r.rankedAtFullCapacity();
    verdict_->setToolTip(!r.nothingToCompare() && !ranked.empty()
                             ? models::lcocArithmetic(*ranked[0], r.currency)
                             : QString());
    if (r.nothingToCompare()) {
        // Every cost is 0: naming the first alternative "cheapest by 0.0 M" would be a false finding.
        // The reason reads on after "Nothing to compare: " elsewhere; under a heading it is a sentence.
        QString reason = models::nothingToCompareReason(doc_->shownPortfolio(), r);
        reason[0] = reason[0].toUpper();
        verdict_->setText("<h2>" + tr("Nothing to compare") + "</h2>" + reason.toHtmlEscaped());
    } else if (ranked.size() >= 2) {
        verdict_->setText(tr("<h2>%1 is cheapest</h2>by %2 %3 M of NPV cost against %4; LCOC %5 %6 (%7)")
                              .arg(QString::fromStdString(ranked[0]->name).toHtmlEscaped(), cur,
                                   models::formatMillions(ranked[1]->npvCost - ranked[0]->npvCost),
                                   QString::fromStdString(ranked[1]->name).toHtmlEscaped(), cur,
                                   ranked[0]->lcoc ? models::formatPerHour(*ranked[0]->lcoc) : tr("n/a"),
                                   models::lcocMeaning()));
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
    // The decision at a glance follows the edit's own frame: drawn at once when the tab is first
    // drawn or shown, after an edit once the edits pause (two charts and a tornado cost the window
    // its one frame per edit; spinning a value redraws them once, not per step).
    if (decisionNow_) {
        refreshDecision();
        return;
    }
    decisionTimer_->start();
    // A Monte Carlo band is never shown for other inputs, not even until the pause.
    if ((simulation_ ? simulation_->currentResult() : nullptr) != drawnRun_)
        redrawNpv();
}

void OverviewTab::showEvent(QShowEvent* event) {
    decisionNow_ = true; // a tab coming into view shows its current decision, not the last one
    DocumentTab::showEvent(event);
    decisionNow_ = false;
}

void OverviewTab::refreshDecision() {
    decisionTimer_->stop();
    if (!doc_->hasPortfolio())
        return;
    const auto& r = doc_->evaluation();
    redrawNpv();
    const QStringList crossings = drawCumulativeCost(freshChart(cumulative_), r);
    crossovers_->setText(r.nothingToCompare() ? QString()
                         : crossings.isEmpty()
                             ? tr("No crossover: the order of the alternatives holds every year.")
                             : crossings.join("; ") + ".");
    // What would change the verdict: the widest bars of the tornado of the best two, then the smallest
    // move of each input alone that flips it (the reverse stress), ranked.
    changesBody_.clear();
    stress_.reset();
    if (const auto pair = models::decisionPair(r)) {
        const Sensitivity s = doc_->sensitivity(pair->first, pair->second);
        QStringList sentences;
        for (const models::VerdictChange& c : models::verdictChanges(r, s, models::TextStyle::Html))
            sentences << c.sentence;
        changesBody_ = "<h3>" + tr("What would change the verdict") + "</h3>" +
                       models::verdictGapSentence(r, s).toHtmlEscaped() + "<br>" + sentences.join("<br>");
        stress_ = doc_->reverseStress(pair->first, pair->second);
        QStringList flips = models::verdictFlipSentences(r, *stress_, models::TextStyle::Html);
        if (const QString none = models::noFlipSentence(*stress_, models::TextStyle::Html); !none.isEmpty())
            flips << none;
        changesBody_ += "<br><br>" +
                        tr("<b>Smallest move alone that flips it</b> (each input by itself, "
                           "smallest first):") +
                        "<br>" + flips.join("<br>");
    }
    showChanges();
    decisionNow_ = false;
}

void OverviewTab::showChanges() {
    QString text = changesBody_;
    const SimulationResult* run = simulation_ ? simulation_->currentResult() : nullptr;
    if (stress_ && run && doc_->hasPortfolio()) {
        const QString share = models::flipProbabilitySentence(doc_->evaluation(), *stress_, *run);
        if (!share.isEmpty())
            text += "<br>" + share.toHtmlEscaped();
    }
    changes_->setText(text);
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

QString OverviewTab::lcocToolTip(int alternative) const {
    const AlternativeCard* c = card(alternative);
    return c ? c->lcocToolTip() : QString();
}

QString OverviewTab::verdictToolTip() const {
    return verdict_->toolTip();
}

QChart* OverviewTab::npvChart() const {
    return npvChart_->chart();
}

QChart* OverviewTab::cumulativeChart() const {
    return cumulative_->chart();
}

QString OverviewTab::bandText() const {
    return band_->text();
}

QString OverviewTab::whatWouldChangeText() const {
    return changes_->text();
}

QString OverviewTab::verdictText() const {
    return verdict_->text();
}

QString OverviewTab::cardText(int alternative) const {
    const AlternativeCard* c = card(alternative);
    return c ? c->npvText() : QString();
}

} // namespace ledger::ui
