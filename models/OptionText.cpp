#include "models/OptionText.h"

#include "models/MoneyFormat.h"

#include <QCoreApplication>
#include <QLocale>

namespace ledger::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("OptionText", text);
}
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
QString date(const Date& d) {
    return q(formatIsoDate(d));
}

const Contract* contractOf(const Portfolio& p, const OptionResult& r) {
    for (const auto& c : p.contracts)
        if (c.id == r.option.contractId)
            return &c;
    return nullptr;
}
const ContractOption* optionOf(const Contract* c, const OptionResult& r) {
    if (!c)
        return nullptr;
    for (const auto& o : c->options)
        if (o.id == r.option.optionId)
            return &o;
    return nullptr;
}

QString price(const ContractOption& o, const char* base) {
    const QLocale en(QLocale::English);
    if (o.pricePerGpuHour)
        return tr("at %1 per GPU-hour").arg(en.toString(*o.pricePerGpuHour, 'f', 2));
    return tr("at %1 x %2").arg(en.toString(o.priceFactor.value_or(1.0), 'g', 4), tr(base));
}

} // namespace

QString optionTermsInWords(const Portfolio& p, const OptionResult& r) {
    const Contract* c = contractOf(p, r);
    const ContractOption* o = optionOf(c, r);
    if (!o)
        return q(r.option.optionId);
    const QLocale en(QLocale::English);
    switch (o->kind) {
    case OptionKind::Extend:
        return tr("Extend %1 to %2 %3, decided on %4")
            .arg(q(c->name), date(*o->newEnd), price(*o, "its last price"), date(o->exerciseDate));
    case OptionKind::Expand:
        return tr("Add %1 GPUs to %2 from %3 to %4 %5, decided on %6")
            .arg(en.toString(o->gpus.value_or(0.0), 'f', 0), q(c->name), date(*o->start),
                 date(o->end.value_or(c->end)), price(*o, "its price then"), date(o->exerciseDate));
    case OptionKind::Terminate:
        return tr("End %1 on %2 for a fee of %3 %4 M")
            .arg(q(c->name), date(o->exerciseDate), q(p.currency), formatMillions(o->fee.value_or(0.0)));
    }
    return q(r.option.optionId);
}

QString optionValueInWords(const OptionResult& r, const std::string& currency,
                           const QString& alternativeName) {
    const QString cur = q(currency);
    if (!r.simulated) {
        const double saving = r.deterministicWithout - r.deterministicExercised;
        return saving > 0.0
                   ? tr("On the expected path exercising saves %1 %2 M of NPV cost to %3, so it is "
                        "exercised; "
                        "run the Monte Carlo for its value under uncertainty.")
                         .arg(cur, formatMillions(saving), alternativeName)
                   : tr("On the expected path exercising would cost %1 %2 M more to %3, so it is not "
                        "exercised; run the Monte Carlo for its value under uncertainty.")
                         .arg(cur, formatMillions(-saving), alternativeName);
    }
    return tr("Worth %1 %2 M (+- %3 M) of NPV cost to %4: exercised on %5 of %6 paths. Intrinsic value "
              "(decided today on the expected path) %1 %7 M, time value %1 %8 M.")
        .arg(cur, formatMillions(r.value), formatMillions(r.valueStderr), alternativeName,
             formatPercent(r.exerciseProbability), QLocale(QLocale::English).toString(qlonglong(r.paths)),
             formatMillions(r.intrinsicValue), formatMillions(r.timeValue));
}

QString optionBoundaryInWords(const Portfolio& p, const OptionResult& r) {
    if (!r.simulated)
        return {};
    const Contract* c = contractOf(p, r);
    const QString sku = c ? q(c->sku) : QString();
    const QString when = date(r.option.exerciseDate);
    switch (r.boundarySide) {
    case BoundarySide::Above:
    case BoundarySide::Below:
    case BoundarySide::Mixed:
        return tr("Exercised when the %1 market price on %2 is %3 %4 %5 per GPU-hour%6 (other factors as "
                  "expected).")
            .arg(sku, when, r.boundarySide == BoundarySide::Below ? tr("below") : tr("above"), q(p.currency),
                 QLocale(QLocale::English).toString(r.boundaryPrice.value_or(0.0), 'f', 2),
                 r.boundarySide == BoundarySide::Mixed ? tr(", first turn of several") : QString());
    case BoundarySide::Always:
        return tr("Exercised at every %1 market price on %2 that the paths reach (other factors as "
                  "expected).")
            .arg(sku, when);
    case BoundarySide::Never:
        return tr("Not exercised at any %1 market price on %2 that the paths reach (other factors as "
                  "expected).")
            .arg(sku, when);
    }
    return {};
}

} // namespace ledger::models
