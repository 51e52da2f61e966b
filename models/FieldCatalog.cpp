#include "models/FieldCatalog.h"

#include "models/NumberInput.h"
#include "portfolio/ItemFields.h"
#include "portfolio/MarketFields.h"

#include <QCoreApplication>

namespace ledger::models {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("ledger::ItemFields", s);
}

FieldKind kindOf(FieldType type, Presence presence, TextRule text) {
    const bool optional = presence == Presence::Optional;
    switch (type) {
    case FieldType::Number:
        return optional ? FieldKind::OptionalNumber : FieldKind::Number;
    case FieldType::Integer:
        return optional ? FieldKind::OptionalInteger : FieldKind::Integer;
    case FieldType::Date:
        return optional ? FieldKind::OptionalDate : FieldKind::Date;
    case FieldType::Tranches:
        return FieldKind::Tranches;
    case FieldType::Choice:
        return optional ? FieldKind::OptionalChoice : FieldKind::Choice;
    case FieldType::Text:
        return text == TextRule::Notes ? FieldKind::LongText : FieldKind::Text;
    }
    return FieldKind::Text;
}

// What leaving the field empty means, in the editor's words.
template <class Item> QString placeholderOf(const ItemField<Item>& f) {
    if (const FieldGroup* g = fieldGroupOf(QString::fromLatin1(f.key)))
        return f.type == FieldType::Choice ? tr("empty: no lease") : g->placeholder;
    switch (kindOf(f.type, f.presence, f.text)) {
    case FieldKind::OptionalNumber:
    case FieldKind::OptionalInteger:
        return tr("empty: default");
    case FieldKind::OptionalDate:
        return tr("YYYY-MM-DD or empty");
    case FieldKind::Date:
        return tr("YYYY-MM-DD");
    default:
        return {};
    }
}

// The rows of a kind's table (portfolio/ItemFields.cpp) the editor shows, in the table's order, their
// keys without `prefix` (the market's "market.").
template <class Item>
std::vector<FieldSpec> editorFields(const std::vector<ItemField<Item>>& table, const QString& prefix = {}) {
    std::vector<FieldSpec> out;
    for (const auto& f : table) {
        if (!(f.shown & kInEditor))
            continue;
        QStringList choices;
        if (f.choices)
            for (const QString& c : QString::fromLatin1(f.choices).split(','))
                choices << c.trimmed();
        out.push_back({QString::fromLatin1(f.key).mid(prefix.size()), tr(f.label), tr(f.unit),
                       kindOf(f.type, f.presence, f.text), tr(f.tooltip), placeholderOf(f), choices});
    }
    return out;
}

} // namespace

const FieldGroup* fieldGroupOf(const QString& key) {
    static const std::vector<FieldGroup> groups = {
        {{"lease.classification", "lease.incremental_borrowing_rate"},
         tr("a lease"),
         ", ",
         {},
         tr("no lease"),
         tr("with a lease; empty: no lease"),
         tr("the lease is set when both are given."),
         false},
        {{"capex_min_per_gpu", "capex_max_per_gpu"},
         tr("a capex range"),
         " .. ",
         {},
         tr("no capex range"),
         tr("empty: capex certain"),
         tr("the range is set when both are given."),
         true},
        {{"delivery_delay_min_months", "delivery_delay_mode_months", "delivery_delay_max_months"},
         tr("a delivery delay"),
         " .. ",
         tr("months"),
         tr("no delivery delay"),
         tr("empty: delivered on time"),
         tr("the delay is set when all three are given."),
         true},
    };
    for (const auto& g : groups)
        if (g.keys.contains(key))
            return &g;
    return nullptr;
}

const std::vector<FieldSpec>& contractFields() {
    static const std::vector<FieldSpec> fields = editorFields(ledger::contractFields());
    return fields;
}

const std::vector<FieldSpec>& contractOptionFields() {
    static const std::vector<FieldSpec> fields = editorFields(ledger::contractOptionFields());
    return fields;
}

const std::vector<FieldSpec>& fleetFields() {
    static const std::vector<FieldSpec> fields = editorFields(ledger::fleetFields());
    return fields;
}

const std::vector<FieldSpec>& assumptionFields() {
    static const std::vector<FieldSpec> fields = editorFields(ledger::portfolioFields());
    return fields;
}

const std::vector<FieldSpec>& marketFields() {
    static const std::vector<FieldSpec> fields = editorFields(ledger::marketFields(), "market.");
    return fields;
}

const std::vector<FieldSpec>& skuFields() {
    static const std::vector<FieldSpec> fields = editorFields(ledger::skuFields());
    return fields;
}

const std::vector<FieldSpec>& demandUncertaintyFields() {
    // Shown in the demand editor, read and set by the document's setDemandUncertainty: written here once.
    static const std::vector<FieldSpec> fields = {
        {"volatility",
         tr("Volatility"),
         tr("per √year"),
         FieldKind::Number,
         tr("How uncertain the demand is, a year: the Monte Carlo moves each path's demand by e^V, V a "
            "mean-reverting deviation with this volatility, driven by the utilization shock's correlation "
            "row. 0: the demand is certain. 0..2."),
         QString(),
         {}},
        {"reversion_per_year",
         tr("Reversion"),
         tr("per year"),
         FieldKind::Number,
         tr("kappa: how fast the demand's deviation decays back to the curve (default 2.0; a half-life of "
            "ln 2 / kappa years). 0..100."),
         QString(),
         {}},
    };
    return fields;
}

QString choiceLabel(const QString& keyword) {
    QString words = keyword;
    words.replace('_', ' ');
    if (words.startsWith("macrs"))
        return "MACRS" + words.mid(5);
    return words.isEmpty() ? words : words[0].toUpper() + words.mid(1);
}

QString shownText(const QJsonValue& stored, const FieldSpec& f, const QLocale& locale) {
    if (stored.isDouble())
        return showNumber(stored.toDouble(), numberFormOf(f), locale);
    if (stored.isString())
        return stored.toString();
    return {};
}

std::optional<QJsonValue> typedValue(const FieldSpec& f, const QString& typed, const QLocale& locale,
                                     const QString& currency, QString* error) {
    const QString text = typed.trimmed();
    const QJsonValue empty(QJsonValue::Undefined);
    switch (f.kind) {
    case FieldKind::Text:
    case FieldKind::LongText:
    case FieldKind::Date:
    case FieldKind::Choice:
        return QJsonValue(text);
    case FieldKind::OptionalChoice:
    case FieldKind::OptionalDate:
        return text.isEmpty() ? empty : QJsonValue(text);
    case FieldKind::Tranches:
        *error = QCoreApplication::translate("ledger::models", "a curve is edited as a grid");
        return std::nullopt;
    case FieldKind::Number:
    case FieldKind::Integer:
    case FieldKind::OptionalNumber:
    case FieldKind::OptionalInteger: {
        if (text.isEmpty() && (f.kind == FieldKind::OptionalNumber || f.kind == FieldKind::OptionalInteger))
            return empty;
        // As people type them: 60,000, 14.2B, $5.04, 9% (models/NumberInput).
        const NumberReading read = readNumber(text, numberFormOf(f), locale, currency);
        if (!read.value) {
            *error = read.error;
            return std::nullopt;
        }
        return QJsonValue(*read.value);
    }
    }
    return std::nullopt;
}

} // namespace ledger::models
