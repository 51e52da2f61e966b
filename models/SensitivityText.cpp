#include "models/SensitivityText.h"

#include "models/MoneyFormat.h"

#include <QCoreApplication>

namespace ledger::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("SensitivityText", text);
}

QString nameOf(const EvaluationResult& r, const std::string& id) {
    const AlternativeResult* a = r.alternative(id);
    return QString::fromStdString(a ? a->name : id);
}

} // namespace

QString sensitivityPairInWords(const Sensitivity& s, const EvaluationResult& r) {
    return tr("%1 minus %2").arg(nameOf(r, s.a), nameOf(r, s.b));
}

QString tornadoTitle(const Sensitivity& s, const EvaluationResult& r, const QString& currency) {
    return tr("NPV of %1: %2 %3 M as given; change when one input moves")
        .arg(sensitivityPairInWords(s, r), currency, formatMillions(s.base));
}

QString tornadoAxisTitle(const Sensitivity& s, const EvaluationResult& r, const QString& currency) {
    return tr("Change of the NPV of %1 (%2 millions)").arg(sensitivityPairInWords(s, r), currency);
}

} // namespace ledger::models
