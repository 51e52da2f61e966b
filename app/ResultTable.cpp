#include "ResultTable.h"

#include <QLocale>

#include <algorithm>

namespace ledger::app {

namespace {

QString millions(double v) {
    return QLocale(QLocale::English).toString(v / 1e6, 'f', 1);
}
QString percent(double v) {
    return QLocale(QLocale::English).toString(v * 100.0, 'f', 2) + "%";
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
                    percent(p.assumptions.discountRate), percent(p.assumptions.taxRate));

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
    for (const auto& c : r.comparisons) {
        if (!c.breakevenPriceFactor)
            continue;
        out += QString("Breakeven: %1 matches %2 at %3x its contract prices.\n")
                   .arg(QString::fromStdString(c.a), QString::fromStdString(c.b),
                        QLocale(QLocale::English).toString(*c.breakevenPriceFactor, 'f', 4));
    }
    for (const auto& b : r.breakevenUtilization) {
        const QString alt = QString::fromStdString(b.alternative);
        if (b.utilization)
            out += QString("Breakeven utilization: %1 beats spot above %2 utilization.\n")
                       .arg(alt, percent(*b.utilization));
        else if (b.outcome == "never")
            out += QString("Breakeven utilization: spot is cheaper than %1 at any utilization.\n").arg(alt);
        else
            out += QString("Breakeven utilization: %1 is cheaper than spot at any utilization.\n").arg(alt);
    }
    return out;
}

} // namespace ledger::app
