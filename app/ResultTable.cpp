#include "ResultTable.h"

#include "BreakevenText.h"
#include "MoneyFormat.h"

#include <QLocale>

#include <algorithm>

namespace ledger::app {

namespace {

QString millions(double v) {
    return QLocale(QLocale::English).toString(v / 1e6, 'f', 1);
}

QString pad(const QString& s, int width, bool right) {
    return right ? s.rightJustified(width, ' ') : s.leftJustified(width, ' ');
}

} // namespace

QString formatResultTable(const Portfolio& p, const EvaluationResult& r) {
    const QString cur = QString::fromStdString(r.currency);
    QString out;
    out += QString::fromStdString(r.name) + "\n";
    out += QString("Valuation %1, horizon %2 (%3 monthly periods), %4, discount rate %5, tax rate %6\n\n")
               .arg(QString::fromStdString(formatIsoDate(r.valuationDate)),
                    QString::fromStdString(formatIsoDate(r.horizonEnd)), QString::number(r.periods), cur,
                    models::formatPercent(p.assumptions.discountRate, 2),
                    models::formatPercent(p.assumptions.taxRate, 2));

    int nameWidth = 11;
    for (const auto& a : r.alternatives)
        nameWidth = std::max(nameWidth, int(a.name.size() + a.id.size() + 3));
    const QString header = pad("Alternative", nameWidth, false) + pad("NPV cost (" + cur + " M)", 22, true) +
                           pad("Total cash (" + cur + " M)", 24, true) +
                           pad("LCOC (" + cur + "/GPU-h*)", 22, true);
    out += header + "\n" + QString(header.size(), '-') + "\n";
    for (const auto& a : r.alternatives) {
        const QString name = QString::fromStdString(a.name + " (" + a.id + ")");
        const QString lcoc = a.lcoc ? QLocale(QLocale::English).toString(*a.lcoc, 'f', 4) : QString("n/a");
        out += pad(name, nameWidth, false) + pad(millions(a.npvCost), 22, true) +
               pad(millions(a.totalCash), 24, true) + pad(lcoc, 22, true) + "\n";
    }
    out += "* per performance-weighted (H100-equivalent), discounted used GPU-hour\n\n";

    const auto ranked = r.rankedByNpvCost();
    if (ranked.size() >= 2) {
        out += QString("Verdict: %1 is cheapest, %2 %3 M NPV below %4 (the next best).\n")
                   .arg(QString::fromStdString(ranked[0]->name), cur,
                        millions(ranked[1]->npvCost - ranked[0]->npvCost),
                        QString::fromStdString(ranked[1]->name));
    }
    // The same sentences as the Overview tab and the PDF report.
    for (const QString& sentence : models::breakevenSentences(r, models::TextStyle::Plain))
        out += "Breakeven: " + sentence + "\n";
    return out;
}

} // namespace ledger::app
