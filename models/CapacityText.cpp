#include "models/CapacityText.h"

#include "models/MoneyFormat.h"

#include <QCoreApplication>
#include <QStringList>

namespace ledger::models {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("CapacityText", text);
}
} // namespace

QString capacityShortSentence(const EvaluationResult& r) {
    const auto short_ = r.shortOfCapacity();
    const auto full = r.rankedAtFullCapacity();
    if (short_.empty() || full.empty())
        return {};
    const AlternativeResult& most = *full.front();
    const double hours = r.mostUsedH100Hours();
    QStringList parts;
    for (const AlternativeResult* a : short_) {
        const double fewer = hours - a->usedH100Hours;
        parts << tr("%1 delivers %2 fewer H100-equivalent GPU-hours (%3 M fewer)")
                     .arg(QString::fromStdString(a->name), formatPercent(fewer / hours),
                          formatMillions(fewer));
    }
    return tr("%1 than %2, so %3 not ranked against it on NPV; add a demand to cost every alternative on "
              "the same need.")
        .arg(parts.join(tr("; ")), QString::fromStdString(most.name),
             short_.size() == 1 ? tr("it is") : tr("they are"));
}

QString onlyFullCapacitySentence(const AlternativeResult& a) {
    return tr("%1 delivers the most capacity").arg(QString::fromStdString(a.name));
}

} // namespace ledger::models
