#include "BreakevenText.h"

#include "MoneyFormat.h"

#include <QCoreApplication>
#include <QLocale>

namespace ledger::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("BreakevenText", text);
}

} // namespace

QStringList breakevenSentences(const EvaluationResult& r, TextStyle style) {
    const QLocale en(QLocale::English);
    const bool html = style == TextStyle::Html;
    auto name = [&](const std::string& id) {
        const auto* a = r.alternative(id);
        const QString text = QString::fromStdString(a ? a->name : id);
        return html ? text.toHtmlEscaped() : text;
    };
    auto figure = [&](const QString& text) { return html ? "<b>" + text + "</b>" : text; };
    QStringList lines;
    for (const auto& c : r.comparisons) {
        if (c.breakevenPriceFactor)
            lines << tr("%1 costs the same as %2 at %3 times its contract prices.")
                         .arg(name(c.a), name(c.b), figure(en.toString(*c.breakevenPriceFactor, 'f', 3)));
    }
    for (const auto& b : r.breakevenUtilization) {
        if (b.utilization)
            lines << tr("%1 beats the spot market above %2 utilization.")
                         .arg(name(b.alternative), figure(formatPercent(*b.utilization)));
        else if (b.outcome == "never")
            lines << tr("The spot market is cheaper than %1 at any utilization.").arg(name(b.alternative));
        else
            lines << tr("%1 is cheaper than the spot market at any utilization.").arg(name(b.alternative));
    }
    return lines;
}

} // namespace ledger::models
