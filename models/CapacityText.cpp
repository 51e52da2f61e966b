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

QString demandSentence(const EvaluationResult& r) {
    if (!r.hasDemand || r.alternatives.empty() || !r.alternatives.front().demand)
        return {};
    return tr("Every alternative meets the same demand: %1 M H100-equivalent GPU-hours (GPUs of %2) over the "
              "horizon.")
        .arg(formatMillions(r.alternatives.front().demand->demandH100Hours),
             QString::fromStdString(r.demandSku));
}

QString demandServedSentence(const AlternativeResult& a) {
    if (!a.demand)
        return {};
    const DemandServed& d = *a.demand;
    const QString name = QString::fromStdString(a.name);
    if (d.capacityH100Hours <= 0.0)
        return tr("%1: the whole demand bought at spot.").arg(name);
    const double need = d.demandH100Hours;
    QString text = need > 0.0 ? tr("%1: %2 of the demand from its own capacity")
                                    .arg(name, formatPercent(d.usedCapacityH100Hours / need))
                              : tr("%1: no demand in the horizon").arg(name);
    if (d.shortfallH100Hours > 0.0)
        text += tr(", %1 (%2 M H100-equivalent GPU-hours) bought at spot")
                    .arg(formatPercent(d.shortfallH100Hours / need), formatMillions(d.shortfallH100Hours));
    text += tr("; %1 of its capacity idle.").arg(formatPercent(d.idleH100Hours / d.capacityH100Hours));
    return text;
}

QString onlyFullCapacitySentence(const AlternativeResult& a) {
    return tr("%1 delivers the most capacity").arg(QString::fromStdString(a.name));
}

} // namespace ledger::models
