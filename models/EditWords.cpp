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

namespace {

QString fieldWords(const Portfolio& p, const QString& path, bool withUnit);

} // namespace

QString fieldInWords(const Portfolio& p, const QString& path) {
    return fieldWords(p, path, true);
}

QString fieldNameInWords(const Portfolio& p, const QString& path) {
    return fieldWords(p, path, false);
}

namespace {

QString fieldWords(const Portfolio& p, const QString& path, bool withUnit) {
    static const QRegularExpression item(R"(^(contracts|fleets|skus)\[(\d+)\]\.(.+)$)");
    const auto m = item.match(path);
    const std::vector<FieldSpec>* fields = &assumptionFields();
    QString key = path, name;
    if (m.hasMatch()) {
        const QString list = m.captured(1);
        const std::size_t i = m.captured(2).toULongLong();
        const std::size_t size = list == "contracts" ? p.contracts.size()
                                 : list == "fleets"  ? p.fleets.size()
                                                     : p.skus.size();
        if (i >= size)
            return {};
        name = QString::fromStdString(list == "contracts" ? p.contracts[i].name
                                      : list == "fleets"  ? p.fleets[i].name
                                                          : p.skus[i].id);
        fields = list == "contracts" ? &contractFields() : list == "fleets" ? &fleetFields() : &skuFields();
        key = m.captured(3);
    } else if (path.startsWith("market.")) {
        fields = &marketFields();
        key = path.mid(7);
    }
    for (const FieldSpec& f : *fields)
        if (f.key == key) {
            const QString what =
                f.unit.isEmpty() || !withUnit ? inSentence(f.label) : inSentence(f.label) + " " + f.unit;
            return name.isEmpty() ? what[0].toUpper() + what.mid(1) : name + " " + what;
        }
    return {};
}

} // namespace

QString curveInWords(const Portfolio& p, const QString& path) {
    if (path == "utilization")
        return QObject::tr("Portfolio utilization");
    if (path == "demand.curve")
        return QObject::tr("Demand curve");
    if (path == "market.gpu_price.forward_curve")
        return QObject::tr("GPU price forward curve");
    static const QRegularExpression item(R"(^(contracts|fleets)\[(\d+)\]\.(utilization|tranches)$)");
    const auto m = item.match(path);
    if (!m.hasMatch())
        return path;
    const bool contract = m.captured(1) == "contracts";
    const std::size_t i = m.captured(2).toULongLong();
    if (contract ? i >= p.contracts.size() : i >= p.fleets.size())
        return path;
    const QString name = QString::fromStdString(contract ? p.contracts[i].name : p.fleets[i].name);
    return m.captured(3) == "tranches" ? QObject::tr("%1 tranches").arg(name)
                                       : QObject::tr("%1 utilization").arg(name);
}

namespace {

const FieldSpec* optionField(const QString& key) {
    for (const FieldSpec& f : contractOptionFields())
        if (f.key == key)
            return &f;
    return nullptr;
}

QString optionFieldName(const QString& key) {
    const FieldSpec* f = optionField(key);
    return f ? inSentence(f->label) : key;
}

// "600 GPUs", "2.1 per GPU-hour", "60 days"; a factor ("x") or a field without a unit: the number.
QString optionValueInWords(const QString& key, const QJsonValue& v) {
    const FieldSpec* f = optionField(key);
    const QString unit = f && v.isDouble() && f->unit != "x" ? f->unit : QString();
    return unit.isEmpty() ? valueInWords(v) : valueInWords(v) + " " + unit;
}

// "a, b and c"
QString listInWords(const QStringList& parts) {
    if (parts.size() < 2)
        return parts.join(QString());
    return QObject::tr("%1 and %2").arg(parts.mid(0, parts.size() - 1).join(", "), parts.back());
}

} // namespace

QString optionEditInWords(const std::string& optionId, const QString& key, const QJsonValue& value) {
    const QString id = QString::fromStdString(optionId);
    if (key == "id")
        return QObject::tr("Rename option %1 to %2").arg(id, valueInWords(value));
    if (value.isUndefined() || value.isNull())
        return QObject::tr("Clear option %1's %2").arg(id, optionFieldName(key));
    return QObject::tr("Set option %1's %2 to %3")
        .arg(id, optionFieldName(key), optionValueInWords(key, value));
}

QString optionReshapeInWords(const std::vector<std::string>& cleared,
                             const std::vector<std::pair<std::string, QJsonValue>>& filled) {
    QStringList parts;
    QStringList gone;
    for (const std::string& key : cleared)
        gone << optionFieldName(QString::fromStdString(key));
    if (!gone.isEmpty())
        parts << QObject::tr("%1 cleared").arg(listInWords(gone));
    for (const auto& [key, value] : filled) {
        const QString k = QString::fromStdString(key);
        parts << optionFieldName(k) + " " + optionValueInWords(k, value);
    }
    return parts.join(", ");
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
