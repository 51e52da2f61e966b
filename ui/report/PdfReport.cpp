#include "ui/report/PdfReport.h"

#include "models/OptionText.h"
#include "ui/charts/OptionCharts.h"

#include "analytics/CostWaterfall.h"
#include "models/AccountingText.h"
#include "models/BreakevenText.h"
#include "models/CapacityText.h"
#include "models/CostLineText.h"
#include "models/DecisionText.h"
#include "models/MoneyFormat.h"
#include "models/ReverseStressText.h"
#include "models/ScenarioText.h"
#include "models/SensitivityText.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/DemandCharts.h"
#include "ui/charts/LedgerCharts.h"
#include "ui/report/PdfLayout.h"

#include <QAbstractAxis>
#include <QBuffer>
#include <QCoreApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

namespace ledger::report {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("PdfReport", text);
}
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
const QLocale& en() {
    static const QLocale l(QLocale::English);
    return l;
}
// Money in millions with thousands separators: the tables say "(USD M)" in their headers.
QString millions(double v) {
    return models::formatMillions(v);
}
// 64 hex digits in groups of 16, so the hash wraps inside a table cell.
QString grouped(const QString& hash) {
    QStringList parts;
    for (qsizetype i = 0; i < hash.size(); i += 16)
        parts << hash.mid(i, 16);
    return parts.join(' ');
}
QString perHour(const std::optional<double>& v) {
    return v ? models::formatPerHour(*v) : tr("n/a");
}
QString date(const Date& d) {
    return q(formatIsoDate(d));
}

std::unique_ptr<QChart> newChart() {
    auto c = std::make_unique<QChart>();
    c->legend()->setAlignment(Qt::AlignBottom);
    return c;
}

class ReportWriter {
public:
    ReportWriter(PdfLayout& layout, const ReportContent& c)
        : l_(layout)
        , c_(c)
        , r_(c.evaluation)
        , cur_(q(c.portfolio.currency)) {}

    void write() {
        decisionPage();
        keyFigures();
        charts();
        costLines();
        annualTables();
        books();
        monteCarlo();
        options();
        sensitivity();
        howTheDecisionHoldsUp();
        methodNotes();
        assumptions();
        runDetails();
    }

private:
    const AlternativeSimulation* simulated(const std::string& id) const {
        if (!c_.simulation)
            return nullptr;
        for (const auto& a : c_.simulation->alternatives)
            if (a.id == id)
                return &a;
        return nullptr;
    }

    // A table with a label column and a column per alternative, in the evaluation's order.
    PdfTable alternativesTable(const QString& corner, double labelWidth) const {
        PdfTable t;
        t.header << corner;
        t.widths = {labelWidth};
        t.rightAligned = {false};
        for (const auto& a : r_.alternatives) {
            t.header << q(a.name);
            t.widths.push_back(1.3);
            t.rightAligned.push_back(true);
        }
        return t;
    }
    template <class Value> void addAlternativesRow(PdfTable& t, const QString& label, Value value) const {
        QStringList cells{label};
        for (const auto& a : r_.alternatives)
            cells << value(a);
        t.rows.push_back(cells);
    }

    // Page 1 is the decision (issue 20): what to do, by how much, the chart that shows it, and what
    // would change it. How the run was made is on the run-details page.
    void decisionPage() {
        l_.newSection(tr("Decision"));
        l_.paragraph(tr("ComputeLedger decision report  |  valuation date %1  |  %2")
                         .arg(date(r_.valuationDate), cur_),
                     9, false, QColor(0x55, 0x5f, 0x6b));
        l_.heading(q(c_.portfolio.name), 20);
        l_.paragraph(verdict(), 11, true, QColor(0x1b, 0x3a, 0x5c));
        if (r_.nothingToCompare())
            return;
        l_.space(4);
        const auto pair = models::decisionPair(r_);
        PdfTable t = alternativesTable(tr("At a glance"), 2.2);
        auto row = [&](const QString& label, auto value) { addAlternativesRow(t, label, value); };
        row(tr("NPV cost, after tax (%1 M)").arg(cur_),
            [](const AlternativeResult& a) { return millions(a.npvCost); });
        if (pair) {
            const AlternativeResult& best = r_.alternatives[pair->first];
            row(tr("Difference from %1 (%2 M)").arg(q(best.name), cur_), [&](const AlternativeResult& a) {
                return &a == &best ? QString::fromUtf8("\u2014") : millions(a.npvCost - best.npvCost);
            });
        }
        row(tr("LCOC (%1)").arg(cur_), [](const AlternativeResult& a) { return perHour(a.lcoc); });
        if (c_.simulation) {
            row(tr("Monte Carlo NPV cost, 90% range (%1 M)").arg(cur_), [&](const AlternativeResult& a) {
                const auto* s = simulated(a.id);
                return s ? millions(s->npvCost.p5) + QString::fromUtf8(" \u2013 ") + millions(s->npvCost.p95)
                         : tr("n/a");
            });
            row(tr("Probability of being cheapest"), [&](const AlternativeResult& a) {
                const auto* s = simulated(a.id);
                return s ? models::formatPercent(s->probCheapest) : tr("n/a");
            });
        }
        l_.table(t, 8.5);
        auto npv = newChart();
        ui::drawNpvByAlternative(npv.get(), r_, pair ? std::optional(pair->first) : std::nullopt,
                                 c_.simulation ? &*c_.simulation : nullptr);
        l_.chart(std::move(npv), 185);
        if (pair && c_.sensitivity) {
            l_.heading(tr("What would change the verdict"), 11);
            l_.paragraph(models::verdictGapSentence(r_, *c_.sensitivity), 8.5);
            for (const models::VerdictChange& change :
                 models::verdictChanges(r_, *c_.sensitivity, models::TextStyle::Plain))
                l_.paragraph(QString::fromUtf8("\u2022 ") + change.sentence, 8.5);
        }
        // The smallest moves of an input alone that flip it (the first three; every input is in the
        // sensitivity section's table) and the run's share of paths that flip it, in one paragraph.
        if (pair && c_.reverseStress) {
            const ReverseStress& rs = *c_.reverseStress;
            const QStringList flips = models::verdictFlipSentences(r_, rs, models::TextStyle::Plain);
            QString text = flips.isEmpty() ? models::noFlipSentence(rs, models::TextStyle::Plain)
                                           : QStringList(flips.mid(0, 3)).join(" ");
            if (flips.size() > 3 ||
                (!flips.isEmpty() && !models::noFlipSentence(rs, models::TextStyle::Plain).isEmpty()))
                text += " " + tr("(Every input: the Sensitivity section.)");
            const QString share =
                c_.simulation ? models::flipProbabilitySentence(r_, rs, *c_.simulation) : QString();
            if (!share.isEmpty())
                text += " " + share;
            l_.paragraph(QString::fromUtf8("\u2022 ") + tr("Smallest move alone that flips it: %1").arg(text),
                         8.5);
        }
        l_.heading(tr("Breakeven"), 11);
        for (const QString& sentence : models::breakevenSentences(r_, models::TextStyle::Plain))
            l_.paragraph(QString::fromUtf8("\u2022 ") + sentence, 8.5);
        if (!c_.simulation)
            l_.paragraph(tr("No Monte Carlo run is part of this report: the figures are the deterministic "
                            "case."),
                         8.5, false, QColor(0x55, 0x5f, 0x6b));
    }

    QString verdict() const {
        if (r_.nothingToCompare())
            return models::nothingToCompareSentence(c_.portfolio, r_);
        const auto ranked = r_.rankedAtFullCapacity();
        const QString shortfall = models::capacityShortSentence(r_);
        if (ranked.size() < 2 && r_.alternatives.size() >= 2)
            return models::onlyFullCapacitySentence(*ranked.front()) + ". " + shortfall;
        if (ranked.size() < 2)
            return tr("One alternative only: %1, NPV cost %2 %3 M.")
                .arg(q(ranked.front()->name), cur_, millions(ranked.front()->npvCost));
        QString s = tr("%1 is the cheapest alternative: NPV cost %2 %3 M, %4 %5 M less than %6.")
                        .arg(q(ranked[0]->name), cur_, millions(ranked[0]->npvCost), cur_,
                             millions(ranked[1]->npvCost - ranked[0]->npvCost), q(ranked[1]->name));
        if (const auto* sim = simulated(ranked[0]->id))
            s += " " + tr("Across %1 simulated futures it is the cheapest on %2 of them; its NPV cost has a "
                          "90% range of %3 %4 M to %5 M.")
                           .arg(en().toString(qlonglong(c_.simulation->paths)),
                                models::formatPercent(sim->probCheapest), cur_, millions(sim->npvCost.p5),
                                millions(sim->npvCost.p95));
        if (!shortfall.isEmpty())
            s += " " + shortfall;
        if (const QString demand = models::demandSentence(r_); !demand.isEmpty())
            s += " " + demand;
        return s;
    }

    void keyFigures() {
        l_.newSection(tr("Key figures"), true);
        l_.heading(tr("Key figures by alternative"), 14);
        PdfTable t = alternativesTable(tr("Key figures"), 2.6);
        auto row = [&](const QString& label, auto value) { addAlternativesRow(t, label, value); };
        const auto ranked = r_.rankedAtFullCapacity(); // one that delivers less has no rank
        // With every cost 0 a rank, a breakeven against "the cheapest" or "always cheaper than spot"
        // would only restate the file's order: those cells show a dash, as the verdict says why.
        const bool nothing = r_.nothingToCompare();
        const QString dash = QString::fromUtf8("\u2014");
        row(tr("Rank by NPV cost"), [&](const AlternativeResult& a) {
            const auto at = std::find(ranked.begin(), ranked.end(), &a);
            if (nothing || at == ranked.end())
                return dash;
            return QString::number(at - ranked.begin() + 1);
        });
        t.emphasized.push_back(1);
        row(tr("NPV cost, after tax (%1 M)").arg(cur_),
            [](const AlternativeResult& a) { return millions(a.npvCost); });
        row(tr("Total cash, undiscounted (%1 M)").arg(cur_),
            [](const AlternativeResult& a) { return millions(a.totalCash); });
        row(tr("LCOC (%1, %2)").arg(cur_, models::lcocMeaning()),
            [](const AlternativeResult& a) { return perHour(a.lcoc); });
        // With a demand every alternative serves the same hours: the rows below say how instead.
        if (!r_.hasDemand) {
            row(tr("Used GPU-hours (millions)"),
                [](const AlternativeResult& a) { return millions(a.usedGpuHours); });
            row(tr("Used H100-equivalent GPU-hours (millions)"),
                [](const AlternativeResult& a) { return millions(a.usedH100Hours); });
        }
        const AlternativeResult* best = ranked.front();
        row(tr("Breakeven price factor vs %1").arg(q(best->name)),
            [&](const AlternativeResult& a) -> QString {
                if (&a == best || nothing)
                    return dash;
                for (const auto& x : r_.comparisons)
                    if (x.a == a.id && x.b == best->id)
                        return x.breakevenPriceFactor ? en().toString(*x.breakevenPriceFactor, 'f', 3) + "x"
                                                      : tr("n/a");
                return tr("n/a");
            });
        if (r_.hasDemand) {
            // MODEL.md 8: how each alternative meets the one demand, and the demand at which it beats spot.
            row(tr("Demand met by own capacity"), [](const AlternativeResult& a) {
                return a.demand && a.demand->demandH100Hours > 0.0
                           ? models::formatPercent(a.demand->usedCapacityH100Hours /
                                                   a.demand->demandH100Hours)
                           : QString::fromUtf8("\u2014");
            });
            row(tr("Shortfall bought at spot (M H100-eq. GPU-hours)"), [](const AlternativeResult& a) {
                return a.demand ? millions(a.demand->shortfallH100Hours) : QString::fromUtf8("\u2014");
            });
            row(tr("Idle capacity (M H100-eq. GPU-hours)"), [](const AlternativeResult& a) {
                return a.demand ? millions(a.demand->idleH100Hours) : QString::fromUtf8("\u2014");
            });
            row(tr("Breakeven demand factor vs spot"), [&](const AlternativeResult& a) -> QString {
                if (nothing)
                    return dash;
                for (const auto& b : r_.breakevenDemand)
                    if (b.alternative == a.id)
                        return b.factor                               ? en().toString(*b.factor, 'f', 3) + "x"
                               : b.outcome == BreakevenOutcome::Never ? tr("never")
                                                                      : tr("always");
                return dash;
            });
        } else {
            row(tr("Breakeven utilization vs spot"), [&](const AlternativeResult& a) -> QString {
                if (nothing)
                    return dash;
                for (const auto& b : r_.breakevenUtilization)
                    if (b.alternative == a.id)
                        return b.utilization                          ? models::formatPercent(*b.utilization)
                               : b.outcome == BreakevenOutcome::Never ? tr("never")
                                                                      : tr("always");
                return dash;
            });
        }
        if (c_.simulation) {
            auto stat = [&](const QString& label, double DistributionSummary::*field) {
                row(label, [&](const AlternativeResult& a) {
                    const auto* s = simulated(a.id);
                    return s ? millions(s->npvCost.*field) : tr("n/a");
                });
            };
            stat(tr("Monte Carlo NPV cost p5 (%1 M)").arg(cur_), &DistributionSummary::p5);
            stat(tr("Monte Carlo NPV cost p50 (%1 M)").arg(cur_), &DistributionSummary::p50);
            stat(tr("Monte Carlo NPV cost p95 (%1 M)").arg(cur_), &DistributionSummary::p95);
            stat(tr("CVaR 95%: mean of the worst 5% (%1 M)").arg(cur_), &DistributionSummary::cvar95);
            row(tr("Probability of being cheapest"), [&](const AlternativeResult& a) {
                const auto* s = simulated(a.id);
                return s ? models::formatPercent(s->probCheapest) : tr("n/a");
            });
        }
        l_.table(t, 9);
        if (!c_.simulation)
            l_.paragraph(
                tr("No Monte Carlo run is part of this report; the figures above are the deterministic "
                   "case. Run the report with a simulation for the ranges and probabilities."),
                9, false, QColor(0x55, 0x5f, 0x6b));
    }

    void charts() {
        l_.newSection(tr("Charts"));
        l_.heading(tr("Cash and cost over time"), 14);
        auto annual = newChart();
        ui::drawAnnualCashByAlternative(annual.get(), r_);
        l_.chart(std::move(annual), 300);
        auto cumulative = newChart();
        const QStringList crossovers = ui::drawCumulativeCost(cumulative.get(), r_);
        l_.chart(std::move(cumulative), 300);
        l_.paragraph(crossovers.isEmpty()
                         ? tr("No crossover: the order of the alternatives holds every year.")
                         : crossovers.join("; ") + ".",
                     9, false, QColor(0x55, 0x5f, 0x6b));
        if (r_.hasDemand) {
            // MODEL.md 8: what each alternative's own capacity covers of the demand, year by year, as
            // on the Overview (spot has none: it buys the whole demand).
            l_.heading(tr("Capacity against the demand"), 14);
            for (std::size_t i = 0; i < r_.alternatives.size(); ++i) {
                const AlternativeResult& a = r_.alternatives[i];
                if (!a.demand || a.demand->capacityH100Hours <= 0.0)
                    continue;
                l_.paragraph(models::demandServedSentence(a), 9, false, QColor(0x33, 0x33, 0x33));
                auto capacity = newChart();
                ui::drawCapacityAgainstDemand(capacity.get(), a, ui::seriesColor(int(i)));
                capacity->setTitle(tr("%1: million H100-equivalent GPU-hours a year").arg(q(a.name)));
                l_.chart(std::move(capacity), 220);
            }
        }
        const bool fleets = std::any_of(r_.items.begin(), r_.items.end(),
                                        [](const ItemResult& i) { return i.kind == "fleet"; });
        if (fleets) {
            auto depreciation = newChart();
            ui::drawDepreciation(depreciation.get(), r_);
            l_.chart(std::move(depreciation), 300);
        }
        if (c_.sensitivity) {
            auto tornado = newChart();
            ui::drawTornado(tornado.get(), *c_.sensitivity, r_);
            l_.chart(std::move(tornado), 300);
        }
        if (c_.simulation) {
            auto histogram = newChart();
            ui::drawNpvHistogram(histogram.get(), *c_.simulation, r_);
            l_.chart(std::move(histogram), 300);
            auto fan = newChart();
            ui::drawCostFan(fan.get(), *c_.simulation, r_);
            l_.chart(std::move(fan), 300);
        }
    }

    // What each alternative's cost is made of (docs/model.md, "Cost lines"): the waterfall from the
    // next best to the cheapest, and the NPV of every line of every alternative.
    void costLines() {
        if (r_.nothingToCompare())
            return;
        l_.newSection(tr("Cost lines"));
        l_.heading(tr("What the costs are made of"), 14);
        const auto [cheapest, next] = cheapestAgainstNextBest(r_);
        if (!cheapest.empty()) {
            auto waterfall = newChart();
            ui::drawCostWaterfall(waterfall.get(), costWaterfall(r_, cheapest, next), r_);
            l_.chart(std::move(waterfall), 320);
            l_.paragraph(tr("From the NPV cost of %1 to that of %2, line by line: red costs more, green "
                            "saves (tax shields, resale and avoided payments).")
                             .arg(q(r_.alternative(next)->name), q(r_.alternative(cheapest)->name)),
                         9, false, QColor(0x55, 0x5f, 0x6b));
        }
        PdfTable t;
        t.header << tr("NPV by line (%1 M)").arg(cur_);
        t.widths = {2.0};
        t.rightAligned = {false};
        for (const auto& a : r_.alternatives) {
            t.header << q(a.name);
            t.widths.push_back(1.2);
            t.rightAligned.push_back(true);
        }
        for (const CostLine line : models::costLinesShown(r_)) {
            QStringList cells{models::costLineLabel(line)};
            for (const auto& a : r_.alternatives) {
                const auto npv = models::lineNpv(a, line);
                cells << (npv ? millions(*npv) : QString());
            }
            t.rows.push_back(cells);
        }
        QStringList total{tr("NPV cost after tax")};
        for (const auto& a : r_.alternatives)
            total << millions(a.npvCost);
        t.emphasized.push_back(int(t.rows.size()));
        t.rows.push_back(total);
        l_.table(t);
    }

    void annualTables() {
        l_.newSection(tr("Annual tables"));
        l_.heading(tr("Annual figures by alternative"), 14);
        l_.paragraph(tr("Cash is the after-tax cash cost of the %1, undiscounted (negative: tax "
                        "shields and resale exceed the spend). GPU-hours in millions. Depreciation and net "
                        "book value (NBV) are for the owned fleets, NBV at the year end.")
                         .arg(r_.fiscalYearEndMonth == 12 ? tr("calendar year") : tr("fiscal year")),
                     9, false, QColor(0x55, 0x5f, 0x6b));
        for (const auto& a : r_.alternatives) {
            l_.heading(q(a.name), 11);
            PdfTable t;
            t.header = {tr("Year"),
                        tr("Cash (%1 M)").arg(cur_),
                        tr("Committed GPU-h (M)"),
                        tr("Used GPU-h (M)"),
                        tr("Book depr. (%1 M)").arg(cur_),
                        tr("Tax depr. (%1 M)").arg(cur_),
                        tr("NBV book (%1 M)").arg(cur_),
                        tr("NBV tax (%1 M)").arg(cur_)};
            t.widths = {0.8, 1.2, 1.3, 1.2, 1.2, 1.2, 1.2, 1.2};
            t.rightAligned = std::vector<bool>(8, true);
            AnnualRow total;
            for (const auto& y : a.annual) {
                t.rows.push_back({fiscalLabel(y.year), millions(y.cash), millions(y.committedGpuHours),
                                  millions(y.usedGpuHours), millions(y.depreciationBook),
                                  millions(y.depreciationTax), millions(y.nbvBook), millions(y.nbvTax)});
                total.cash += y.cash;
                total.committedGpuHours += y.committedGpuHours;
                total.usedGpuHours += y.usedGpuHours;
                total.depreciationBook += y.depreciationBook;
                total.depreciationTax += y.depreciationTax;
            }
            t.emphasized.push_back(int(t.rows.size()));
            t.rows.push_back({tr("Total"), millions(total.cash), millions(total.committedGpuHours),
                              millions(total.usedGpuHours), millions(total.depreciationBook),
                              millions(total.depreciationTax), QString(), QString()});
            l_.table(t);
        }
        if (!r_.usefulLife.empty()) {
            l_.heading(tr("Useful-life sensitivity (book life of the owned GPUs)"), 11);
            PdfTable t;
            t.header = {tr("Alternative"), tr("Book life (years)"), tr("NPV cost (%1 M)").arg(cur_),
                        tr("Book depreciation in horizon (%1 M)").arg(cur_),
                        tr("Book profit impact incl. disposal (%1 M)").arg(cur_)};
            t.widths = {1.6, 1, 1.2, 1.5, 1.6};
            t.rightAligned = {false, true, true, true, true};
            for (const auto& s : r_.usefulLife)
                for (const auto& x : s.cases)
                    t.rows.push_back({ui::alternativeName(r_, s.alternative),
                                      QString::number(x.bookLifeYears), millions(x.npvCost),
                                      millions(x.bookDepreciation), millions(x.bookProfitImpact)});
            l_.table(t);
        }
    }

    // MODEL.md 9: what each alternative does to the income statement and the balance sheet, by fiscal
    // year, and the lease note's maturity table.
    QString fiscalLabel(int year) const { return models::fiscalYearLabel(year, r_.fiscalYearEndMonth); }

    void books() {
        if (r_.alternatives.empty() || r_.alternatives.front().accounting.empty())
            return;
        l_.newSection(tr("The books"));
        l_.heading(tr("What it does to the books"), 14);
        l_.paragraph(tr("The same deterministic run as booked (ASC 842 for the contracts marked as leases), "
                        "pre-tax, by %1, costs positive. EBITDA cost is what reaches EBITDA: rent and "
                        "service fees, operating-lease cost, a finance lease's variable payments, power, "
                        "colocation, opex and spot purchases. "
                        "Buying moves most of its cost below EBITDA as depreciation; a finance lease "
                        "as amortization and interest. The net income impact is after income tax at %2. "
                        "Cash and NPV do not depend on how a contract is booked.")
                         .arg(r_.fiscalYearEndMonth == 12 ? tr("calendar year") : tr("fiscal year"),
                              en().toString(100.0 * r_.taxRate, 'g', 4) + "%"),
                     9, false, QColor(0x55, 0x5f, 0x6b));
        PdfTable t;
        t.header << tr("Year");
        t.widths = {0.8};
        t.rightAligned = {false};
        for (const auto& a : r_.alternatives) {
            t.header << tr("%1: EBITDA cost").arg(q(a.name)) << tr("%1: net income").arg(q(a.name));
            t.widths.insert(t.widths.end(), {1.1, 1.1});
            t.rightAligned.insert(t.rightAligned.end(), {true, true});
        }
        const std::size_t years = r_.alternatives.front().accounting.size();
        QStringList total{tr("Total")};
        for (std::size_t y = 0; y < years; ++y) {
            QStringList cells{fiscalLabel(r_.alternatives.front().accounting[y].year)};
            for (const auto& a : r_.alternatives)
                cells << millions(a.accounting[y].ebitdaCost) << millions(a.accounting[y].netIncomeImpact);
            t.rows.push_back(cells);
        }
        for (const auto& a : r_.alternatives) {
            double ebitda = 0.0, net = 0.0;
            for (const auto& y : a.accounting) {
                ebitda += y.ebitdaCost;
                net += y.netIncomeImpact;
            }
            total << millions(ebitda) << millions(net);
        }
        t.emphasized.push_back(int(t.rows.size()));
        t.rows.push_back(total);
        l_.heading(tr("EBITDA cost and net income impact (%1 M)").arg(cur_), 11);
        l_.table(t);
        simulatedBooks();
        balanceSheets();
        leaseNotes();
    }

    // With a simulation that booked its paths: each year's EBITDA cost, median and 90% range.
    void simulatedBooks() {
        if (!c_.simulation || c_.simulation->alternatives.empty() ||
            c_.simulation->alternatives.front().ebitdaCost.empty())
            return;
        PdfTable t;
        t.header << tr("Year");
        t.widths = {0.8};
        t.rightAligned = {false};
        for (const auto& a : c_.simulation->alternatives) {
            t.header << ui::alternativeName(r_, a.id);
            t.widths.push_back(1.6);
            t.rightAligned.push_back(true);
        }
        const auto& first = c_.simulation->alternatives.front().ebitdaCost;
        for (std::size_t y = 0; y < first.size(); ++y) {
            QStringList cells{fiscalLabel(first[y].year)};
            for (const auto& a : c_.simulation->alternatives) {
                const FanPoint& f = a.ebitdaCost[y];
                cells << tr("%1 (%2 to %3)").arg(millions(f.p50), millions(f.p5), millions(f.p95));
            }
            t.rows.push_back(cells);
        }
        l_.heading(tr("EBITDA cost over %1 paths: median (p5 to p95), %2 M")
                       .arg(en().toString(qlonglong(c_.simulation->paths)), cur_),
                   11);
        l_.table(t);
    }

    // Each alternative's balance-sheet items at the year ends, the columns it holds.
    void balanceSheets() {
        for (const auto& a : r_.alternatives) {
            std::vector<int> shown;
            for (int b = 0; b < kBalanceItems; ++b)
                if (std::any_of(a.accounting.begin(), a.accounting.end(),
                                [&](const AccountingYear& y) { return y.balance[std::size_t(b)] != 0.0; }))
                    shown.push_back(b);
            if (shown.empty())
                continue;
            PdfTable t;
            t.header << tr("Year end");
            t.widths = {0.9};
            t.rightAligned = {false};
            for (int b : shown) {
                t.header << models::balanceItemLabel(BalanceItem(b));
                t.widths.push_back(1.2);
                t.rightAligned.push_back(true);
            }
            for (const auto& y : a.accounting) {
                QStringList cells{fiscalLabel(y.year)};
                for (int b : shown)
                    cells << millions(y.balance[std::size_t(b)]);
                t.rows.push_back(cells);
            }
            l_.keepTogether(140);
            l_.heading(tr("%1: balance sheet at the year end (%2 M)").arg(q(a.name), cur_), 11);
            l_.table(t);
        }
    }

    // The 10-K lease note: the undiscounted fixed payments by fiscal year, less the imputed
    // interest, equal to the liability at the measurement date.
    void leaseNotes() {
        for (const LeaseResult& l : r_.leases) {
            const ItemResult* item = r_.item(l.contract);
            PdfTable t;
            t.header = {tr("Fiscal year"), tr("Fixed payments (%1 M)").arg(cur_)};
            t.widths = {1.2, 1.4};
            t.rightAligned = {false, true};
            for (const auto& [year, payment] : l.maturity.payments)
                t.rows.push_back({fiscalLabel(year), millions(payment)});
            t.emphasized.push_back(int(t.rows.size()));
            t.rows.push_back({tr("Total undiscounted"), millions(l.maturity.total)});
            t.rows.push_back({tr("Less imputed interest"), millions(-l.maturity.imputedInterest)});
            t.emphasized.push_back(int(t.rows.size()));
            t.rows.push_back({tr("Lease liability"), millions(l.maturity.liability)});
            l_.keepTogether(120);
            l_.heading(tr("Lease note: %1 (%2 lease at %3%)")
                           .arg(item ? q(item->name) : q(l.contract), q(l.classification),
                                en().toString(100.0 * l.incrementalBorrowingRate, 'g', 4)),
                       11);
            const bool commenced = !(l.measuredAt > r_.valuationDate);
            l_.paragraph(commenced
                             ? tr("Maturity of the lease liability as at %1.").arg(date(l.maturity.asAt))
                             : tr("Signed, not yet commenced: the maturity table as at its commencement "
                                  "on %1 (the liability is not on the balance sheet before then).")
                                   .arg(date(l.maturity.asAt)),
                         9, false, QColor(0x55, 0x5f, 0x6b));
            l_.table(t);
        }
    }

    void monteCarlo() {
        if (!c_.simulation)
            return;
        const SimulationResult& s = *c_.simulation;
        l_.newSection(tr("Monte Carlo"));
        l_.heading(tr("Monte Carlo: NPV cost across %1 paths").arg(en().toString(qlonglong(s.paths))), 14);
        PdfTable t;
        t.header << tr("NPV cost (%1 M)").arg(cur_);
        t.widths = {1.6};
        t.rightAligned = {false};
        for (const auto& a : s.alternatives) {
            t.header << ui::alternativeName(r_, a.id);
            t.widths.push_back(1.2);
            t.rightAligned.push_back(true);
        }
        // The statistics in the order the CSV tables and the workbook list them (SimulationResult.h).
        for (const auto& f : kSummaryStatistics) {
            QStringList cells{tr(f.label)};
            for (const auto& a : s.alternatives)
                cells << millions(a.npvCost.*f.value);
            t.rows.push_back(cells);
        }
        QStringList cheapest{tr("Probability of being cheapest")};
        for (const auto& a : s.alternatives)
            cheapest << models::formatPercent(a.probCheapest);
        t.rows.push_back(cheapest);
        l_.table(t);
        l_.heading(tr("Pairwise: probability that one alternative costs less than another"), 11);
        PdfTable pairs;
        pairs.header = {tr("Alternative"), tr("Costs less than"), tr("Probability")};
        pairs.widths = {1.5, 1.5, 1};
        pairs.rightAligned = {false, false, true};
        for (const auto& p : s.probCheaper)
            pairs.rows.push_back(
                {ui::alternativeName(r_, p.a), ui::alternativeName(r_, p.b), models::formatPercent(p.p)});
        l_.table(pairs);
        if (!s.defaults.empty()) {
            l_.heading(tr("Provider defaults within the horizon"), 11);
            PdfTable d;
            d.header = {tr("Provider"), tr("Share of paths")};
            d.widths = {2, 1};
            d.rightAligned = {false, true};
            for (const auto& x : s.defaults)
                d.rows.push_back({q(x.provider), models::formatPercent(x.fraction, 2)});
            l_.table(d);
        }
        l_.heading(tr("Cumulative cash cost by year end: p5 / p50 / p95 (%1 M)").arg(cur_), 11);
        PdfTable fan;
        fan.header << tr("Year");
        fan.widths = {0.6};
        fan.rightAligned = {false};
        for (const auto& a : s.alternatives) {
            fan.header << ui::alternativeName(r_, a.id);
            fan.widths.push_back(1.6);
            fan.rightAligned.push_back(true);
        }
        const std::size_t years = s.alternatives.empty() ? 0 : s.alternatives.front().annualCumulative.size();
        for (std::size_t y = 0; y < years; ++y) {
            QStringList cells{QString::number(s.alternatives.front().annualCumulative[y].year)};
            for (const auto& a : s.alternatives) {
                const auto& f = a.annualCumulative[y];
                cells << millions(f.p5) + " / " + millions(f.p50) + " / " + millions(f.p95);
            }
            fan.rows.push_back(cells);
        }
        l_.table(fan);
    }

    // docs/model.md 17: each option's terms, value, exercise and boundary, and a table of them all.
    void options() {
        if (c_.options.empty())
            return;
        l_.newSection(tr("Options"), true);
        l_.heading(tr("What the options are worth"), 14);
        const bool simulated = c_.options.front().simulated;
        l_.paragraph(
            simulated
                ? tr("Each right valued by least-squares Monte Carlo: the holder exercises on a path when "
                     "the expected after-tax cost from the exercise date on is lower with it, the "
                     "expectation fitted on %1 paths of their own; the value is the NPV cost it saves "
                     "on the run's %2 paths against meeting the same hours without it.")
                      .arg(en().toString(qlonglong(c_.options.front().regressionPaths)),
                           en().toString(qlonglong(c_.options.front().paths)))
                : tr("On the expected path only (no Monte Carlo run): what exercising saves against "
                     "meeting the same hours without the option. Run the Monte Carlo for the value "
                     "of the flexibility under uncertainty."),
            9.5);
        PdfTable t;
        t.header = {tr("Option"), tr("Alternative"), tr("Saving on the expected path (%1 M)").arg(cur_)};
        t.widths = {1.6, 1.2, 1.3};
        t.rightAligned = {false, false, true};
        if (simulated) {
            t.header << tr("Value (%1 M)").arg(cur_) << tr("Standard error") << tr("Exercised")
                     << tr("Intrinsic (%1 M)").arg(cur_);
            t.widths.insert(t.widths.end(), {1.0, 0.9, 0.9, 1.0});
            t.rightAligned.insert(t.rightAligned.end(), {true, true, true, true});
        }
        for (const auto& o : c_.options) {
            QStringList cells{q(o.option.optionId), ui::alternativeName(r_, o.option.alternativeId),
                              millions(o.deterministicWithout - o.deterministicExercised)};
            if (simulated)
                cells << millions(o.value) << millions(o.valueStderr)
                      << models::formatPercent(o.exerciseProbability) << millions(o.intrinsicValue);
            t.rows.push_back(cells);
        }
        l_.table(t);
        for (const auto& o : c_.options) {
            l_.heading(q(o.option.optionId) + ": " + models::optionTermsInWords(c_.portfolio, o), 11);
            l_.paragraph(models::optionValueInWords(o, c_.portfolio.currency,
                                                    ui::alternativeName(r_, o.option.alternativeId)),
                         9.5);
            if (!o.simulated)
                continue;
            l_.paragraph(models::optionBoundaryInWords(c_.portfolio, o), 9, false, QColor(0x55, 0x5f, 0x6b));
            auto chart = newChart();
            ui::drawExerciseBoundary(chart.get(), o, o.marketPricePerGpuHour, cur_);
            chart->setTitle(
                tr("%1: expected saving from exercising, by market price").arg(q(o.option.optionId)));
            l_.chart(std::move(chart), 200);
        }
    }

    void sensitivity() {
        if (!c_.sensitivity)
            return;
        const Sensitivity& s = *c_.sensitivity;
        l_.newSection(tr("Sensitivity"));
        l_.heading(tr("What moves the answer: %1").arg(models::sensitivityPairInWords(s, r_)), 14);
        l_.paragraph(
            tr("The NPV difference as given is %1 %2 M (negative: %3 is cheaper). Each input moves to its "
               "low and its high setting with everything else held; the widest swing is first.")
                .arg(cur_, millions(s.base), ui::alternativeName(r_, s.a)),
            9.5);
        PdfTable t;
        t.header = {tr("Input"), tr("Low"), tr("Difference at low (%1 M)").arg(cur_), tr("High"),
                    tr("Difference at high (%1 M)").arg(cur_)};
        t.widths = {2.2, 0.9, 1.4, 0.9, 1.4};
        t.rightAligned = {false, false, true, false, true};
        for (const auto& b : s.bars)
            t.rows.push_back({q(b.input), q(b.lowLabel), millions(b.low), q(b.highLabel), millions(b.high)});
        l_.table(t);
        if (!c_.reverseStress)
            return;
        // The reverse stress (docs/model.md 11.9): where each input alone makes the two cost the same.
        const ReverseStress& rs = *c_.reverseStress;
        l_.heading(tr("Smallest move that flips the verdict"), 11);
        l_.paragraph(tr("Each input alone, moved as the tornado moves it, to the setting nearest its base at "
                        "which %1 costs what %2 does (a root finder, TOMS 748, over the input's allowed "
                        "settings); the smallest move first. The move is relative to the base: to x1 for a "
                        "factor, to the rate or share shifted for points, to the trend itself.")
                         .arg(ui::alternativeName(r_, rs.runnerUp), ui::alternativeName(r_, rs.winner)),
                     9);
        PdfTable flips;
        flips.header = {tr("Input"), tr("Flips the verdict at"), tr("Move"), tr("Settings searched")};
        flips.widths = {2.2, 1.3, 0.9, 1.8};
        flips.rightAligned = {false, false, true, false};
        for (const VerdictFlip& f : rs.inputs)
            flips.rows.push_back({q(f.input), f.flipAt ? models::flipSettingLabel(f) : tr("cannot flip it"),
                                  f.flipAt ? models::flipMoveText(f) : QString::fromUtf8("\u2014"),
                                  models::flipRangeText(f)});
        l_.table(flips);
        const QString share =
            c_.simulation ? models::flipProbabilitySentence(r_, rs, *c_.simulation) : QString();
        if (!share.isEmpty())
            l_.paragraph(share, 9);
    }

    // Issue 21: the base case and every scenario of the portfolio, their NPV costs and winners, and
    // which scenarios flip the verdict; what each scenario changes. None without a scenario.
    void howTheDecisionHoldsUp() {
        if (c_.portfolio.scenarios.empty())
            return;
        l_.newSection(tr("Scenarios"));
        l_.heading(tr("How the decision holds up"), 14);
        if (!c_.scenariosProblem.isEmpty()) {
            l_.paragraph(tr("The scenarios could not be evaluated: %1").arg(c_.scenariosProblem), 9.5);
            return;
        }
        const auto& outcomes = c_.scenarios;
        l_.paragraph(tr("The base case and each of the portfolio's %1 named scenarios (what each changes is "
                        "listed below), evaluated like the base case, deterministically: the NPV cost after "
                        "tax of every alternative and the cheapest, the verdict's winner.")
                         .arg(outcomes.size() - 1),
                     9.5);
        const auto columns = models::scenarioColumns(outcomes);
        PdfTable t;
        t.header << tr("Scenario");
        t.widths = {2.1};
        t.rightAligned = {false};
        for (const auto& [id, name] : columns) {
            t.header << tr("%1 (%2 M)").arg(q(name), cur_);
            t.widths.push_back(1.1);
            t.rightAligned.push_back(true);
        }
        t.header << tr("Winner") << tr("Verdict");
        t.widths.insert(t.widths.end(), {1.9, 0.7});
        t.rightAligned.insert(t.rightAligned.end(), {false, false});
        const QString dash = QString::fromUtf8("\u2014");
        for (const auto& o : outcomes) {
            QStringList cells{o.base ? tr(data::kBaseCaseName) : q(o.name)};
            for (const auto& column : columns) {
                const AlternativeResult* a = o.evaluation.alternative(column.first);
                cells << (a ? millions(a->npvCost) : dash);
            }
            cells << models::winnerName(o) << (o.base ? dash : o.flipsVerdict ? tr("flips") : tr("holds"));
            if (o.flipsVerdict)
                t.emphasized.push_back(int(t.rows.size()));
            t.rows.push_back(cells);
        }
        l_.table(t, 8.5);
        l_.paragraph(models::verdictHoldsSentence(outcomes), 9.5, true, QColor(0x1b, 0x3a, 0x5c));
        l_.keepTogether(80);
        l_.heading(tr("What each scenario changes"), 11);
        PdfTable changes;
        changes.header = {tr("Scenario"), tr("What it changes"), tr("Source")};
        changes.widths = {1.4, 4.0, 1.2};
        changes.rightAligned = {false, false, false};
        for (const Scenario& s : c_.portfolio.scenarios) {
            QStringList lines;
            if (!s.description.empty())
                lines << q(s.description);
            for (const auto& o : s.overrides)
                lines << QString::fromUtf8("\u2022 ") + models::overrideInWords(c_.portfolio, o);
            if (s.overrides.empty())
                lines << tr("nothing yet: the base case");
            changes.rows.push_back(
                {q(s.name), lines.join('\n'), s.source.empty() ? tr("not sourced") : q(s.source)});
        }
        l_.table(changes, 7.5);
    }

    // The finance appendix (issue 20): every input grouped by what it belongs to, named, with its
    // unit and its source (models/AssumptionsAppendix.h).
    void appendixGroup(const models::AppendixGroup& g) {
        l_.heading(g.title, 11);
        if (!g.rows.empty()) {
            PdfTable t;
            t.header = {tr("Input"), tr("Value"), tr("Source")};
            t.widths = {1.9, 1.5, 2.8};
            t.rightAligned = {false, true, false};
            // A long source shared by the rows before (a curve's points) is said once.
            QString previous;
            for (const auto& row : g.rows) {
                const bool same = row.source == previous && row.source.size() > 40;
                t.rows.push_back({row.label, row.value, same ? tr("as above") : row.source});
                previous = row.source;
            }
            l_.table(t, 7.5);
        }
        if (g.correlation) {
            l_.keepTogether(95); // the matrix and its source on one page
            const QStringList names = {tr("GPU price"), r_.hasDemand ? tr("Demand") : tr("Utilization"),
                                       tr("Power price")};
            PdfTable m;
            m.header = QStringList{tr("Correlation of the shocks")} + names;
            m.widths = {1.9, 1.1, 1.1, 1.1};
            m.rightAligned = {false, true, true, true};
            for (int i = 0; i < 3; ++i) {
                QStringList cells{names[i]};
                for (int j = 0; j < 3; ++j)
                    cells << en().toString((*g.correlation)[std::size_t(i)][std::size_t(j)], 'f', 2);
                m.rows.push_back(cells);
            }
            l_.table(m, 7.5);
            l_.paragraph(tr("Source: %1").arg(g.correlationSource), 7.5, false, QColor(0x55, 0x5f, 0x6b));
        }
        if (!g.notes.isEmpty())
            l_.paragraph(tr("Notes: %1").arg(g.notes), 7.5, false, QColor(0x33, 0x33, 0x33));
    }

    void assumptions() {
        l_.newSection(tr("Appendix: assumptions"), true);
        l_.heading(tr("Appendix: every assumption and where it comes from"), 14);
        l_.paragraph(tr("Every input of the portfolio, grouped by what it belongs to. The source is the one "
                        "the file gives for the input or for what it belongs to; an input typed in the "
                        "window is marked as entered by the user, with the date; \"see the notes below\" "
                        "points to the notes printed under the group; \"not sourced\" marks a figure "
                        "nobody has attributed yet. The report models the figures listed here; the notes "
                        "keep public facts and assumptions apart."),
                     8.5, false, QColor(0x55, 0x5f, 0x6b));
        for (const auto& g : c_.assumptions)
            appendixGroup(g);
        if (!c_.catalogFigures.empty()) {
            l_.heading(tr("GPU figures from the bundled catalog"), 12);
            l_.paragraph(tr("The GPUs the portfolio names that it does not define itself: their figures come "
                            "from the catalog bundled with ComputeLedger %1.")
                             .arg(c_.version),
                         8.5, false, QColor(0x55, 0x5f, 0x6b));
            for (const auto& g : c_.catalogFigures)
                appendixGroup(g);
        }
    }

    void methodNotes() {
        l_.newSection(tr("Method"));
        l_.heading(tr("How to read these numbers"), 14);
        const std::vector<std::pair<QString, QString>> notes = {
            {tr("NPV cost"),
             tr("Every payment of an alternative (contract bills, purchase price, power, colocation, "
                "operating "
                "costs, less tax shields from depreciation and the resale value at the end) is discounted to "
                "the valuation date at the discount rate, month by month, after tax. Lower is better; the "
                "alternatives are compared on the same need for GPU capacity.")},
            {tr("Total cash"),
             tr("The same payments, not discounted: what leaves the bank over the horizon.")},
            {tr("LCOC (levelized cost of compute)"),
             tr("The %1: NPV cost divided by the discounted GPU-hours actually used (with a demand, the "
                "demand's hours), each GPU weighted by its performance relative to an H100. Idle hours of "
                "a take-or-pay contract or an owned fleet still cost money, so low utilization raises it.")
                 .arg(models::lcocMeaning())},
            {tr("Breakeven"),
             tr("The price factor is the multiple of an alternative's contract prices at which it would cost "
                "the same as the other; the utilization breakeven is the constant utilization at which "
                "owning "
                "or renting costs the same as buying the used hours on the spot market.")},
            {tr("Monte Carlo"),
             tr("Thousands of possible futures are drawn for GPU market prices (trend, mean reversion and "
                "the "
                "launch of the next generation), utilization, power prices and provider defaults, with the "
                "correlations given. Each future is valued like the base case. Percentiles show the spread: "
                "p5 and p95 bound the middle 90% of outcomes; CVaR 95% is the average of the worst 5%. The "
                "same seed gives the same numbers on any machine, thread count or device.")},
            {tr("Sensitivity"),
             tr("Each main input moves to a low and a high setting with the rest held, and the NPV "
                "difference "
                "between the two best alternatives is recomputed; the widest bars are the inputs worth "
                "negotiating or researching first.")}};
        for (const auto& [title, body] : notes) {
            l_.heading(title, 11);
            l_.paragraph(body, 9);
        }
    }

    void runDetails() {
        l_.newSection(tr("Run details"));
        l_.heading(tr("What exactly this report shows"), 14);
        PdfTable t;
        t.header = {tr("Item"), tr("Value")};
        t.widths = {1.4, 3.6};
        t.rightAligned = {false, false};
        t.rows.push_back({tr("Portfolio"), q(c_.portfolio.name)});
        t.rows.push_back({tr("Source file"), c_.sourceFile});
        t.rows.push_back({tr("Inputs hash (SHA-256 of the canonical JSON)"), grouped(c_.inputsHash)});
        t.rows.push_back({tr("Valuation date"), date(r_.valuationDate)});
        t.rows.push_back({tr("Horizon"), tr("%1 to %2 (%3 monthly periods)")
                                             .arg(date(r_.valuationDate), date(r_.horizonEnd))
                                             .arg(r_.periods)});
        t.rows.push_back({tr("Currency"), cur_});
        t.rows.push_back({tr("Discount rate / tax rate"),
                          models::formatPercent(c_.portfolio.assumptions.discountRate) + " / " +
                              models::formatPercent(c_.portfolio.assumptions.taxRate)});
        t.rows.push_back({tr("Spot alternative covers"), ui::alternativeName(r_, r_.spotCovers)});
        if (c_.simulation) {
            const auto& s = *c_.simulation;
            t.rows.push_back({tr("Monte Carlo paths"), en().toString(qlonglong(s.paths))});
            t.rows.push_back({tr("Seed"), QString::number(s.seed)});
            t.rows.push_back({tr("Device"), q(s.device)});
            t.rows.push_back({tr("Threads"), s.threads ? QString::number(s.threads) : tr("n/a")});
            t.rows.push_back({tr("Run time"), en().toString(s.seconds, 'f', 2) + " s"});
        } else {
            t.rows.push_back({tr("Monte Carlo"), tr("not run for this report")});
        }
        t.rows.push_back({tr("Software"), tr("ComputeLedger %1").arg(c_.version)});
        t.rows.push_back({tr("Generated"), c_.generatedUtc.toString("yyyy-MM-dd HH:mm:ss 'UTC'")});
        l_.table(t, 9);
    }

    PdfLayout& l_;
    const ReportContent& c_;
    const EvaluationResult& r_;
    QString cur_;
};

void setUpPage(QPdfWriter& w, const ReportContent& c) {
    w.setResolution(300);
    w.setPageLayout(reportPageLayout());
    w.setTitle(QString::fromStdString(c.portfolio.name) + " - ComputeLedger report");
    w.setCreator(QString("ComputeLedger %1").arg(c.version));
}

} // namespace

QPageLayout reportPageLayout() {
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 16),
                       QPageLayout::Millimeter);
}

int renderReport(QPagedPaintDevice* device, const ReportContent& c, int totalPages) {
    PageDecoration d;
    d.headerLeft = tr("ComputeLedger  |  %1").arg(q(c.portfolio.name));
    d.footerLeft = tr("Valuation date %1  |  inputs %2  |  generated %3")
                       .arg(date(c.evaluation.valuationDate), c.inputsHash.left(12),
                            c.generatedUtc.toString("yyyy-MM-dd"));
    d.totalPages = totalPages;
    PdfLayout layout(device, d);
    ReportWriter(layout, c).write();
    return layout.pages();
}

bool writePdfReport(const ReportContent& c, const QString& path, QString* error) {
    // First pass: count the pages for "page N of M".
    QBuffer counting;
    counting.open(QIODevice::WriteOnly);
    int pages = 0;
    {
        QPdfWriter w(&counting);
        setUpPage(w, c);
        pages = renderReport(&w, c, 0);
    }
    QBuffer final;
    final.open(QIODevice::WriteOnly);
    {
        QPdfWriter w(&final);
        setUpPage(w, c);
        renderReport(&w, c, pages);
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(final.data()) != final.data().size() || !f.commit()) {
        *error = path + ": cannot be written: " + f.errorString();
        return false;
    }
    return true;
}

} // namespace ledger::report
