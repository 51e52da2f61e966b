#include "models/EditWords.h"

#include "models/FieldCatalog.h"
#include "models/NumberInput.h"

#include <QRegularExpression>

namespace ledger::models {

namespace {

// "Price" -> "price", but "GPUs", "PUE" and "GPU (SKU)" stay as written.
QString inSentence(const QString& label) {
    if (label.size() > 1 && label[0].isUpper() && label[1].isLower())
        return label[0].toLower() + label.mid(1);
    return label;
}

} // namespace

QString fieldInWords(const Portfolio& p, const QString& path) {
    static const QRegularExpression item(R"(^(contracts|fleets)\[(\d+)\]\.(.+)$)");
    const auto m = item.match(path);
    const std::vector<FieldSpec>* fields = &assumptionFields();
    QString key = path, name;
    if (m.hasMatch()) {
        const bool contract = m.captured(1) == "contracts";
        const std::size_t i = m.captured(2).toULongLong();
        if (contract ? i >= p.contracts.size() : i >= p.fleets.size())
            return {};
        name = QString::fromStdString(contract ? p.contracts[i].name : p.fleets[i].name);
        fields = contract ? &contractFields() : &fleetFields();
        key = m.captured(3);
    }
    for (const FieldSpec& f : *fields)
        if (f.key == key) {
            const QString what = f.unit.isEmpty() ? inSentence(f.label) : inSentence(f.label) + " " + f.unit;
            return name.isEmpty() ? what[0].toUpper() + what.mid(1) : name + " " + what;
        }
    return {};
}

QString valueInWords(const QJsonValue& v) {
    if (v.isDouble())
        return plainNumber(v.toDouble());
    if (v.isString())
        return v.toString().isEmpty() ? QObject::tr("empty") : v.toString();
    if (v.isArray())
        return QObject::tr("tranches");
    if (v.isBool())
        return v.toBool() ? QObject::tr("yes") : QObject::tr("no");
    return QObject::tr("empty");
}

} // namespace ledger::models
