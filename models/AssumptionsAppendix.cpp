#include "models/AssumptionsAppendix.h"

#include "data/PortfolioJson.h"
#include "models/FieldCatalog.h"
#include "portfolio/SensitivityInputs.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <deque>
#include <map>
#include <set>

namespace ledger::models {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("AssumptionsAppendix", s);
}
const QLocale& en() {
    static const QLocale l(QLocale::English);
    return l;
}
QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// The fewest decimals (up to `most`) that show v exactly as it reads back at 12 significant digits,
// so an appendix never rounds an input away: 0.08 -> "0.08", 0.0825 -> "0.0825".
QString exactDecimals(double v, int most, int least = 0) {
    for (int d = least; d <= most; ++d) {
        const QString s = en().toString(v, 'f', d);
        if (std::abs(en().toDouble(s) - v) <= 1e-12 * std::max(1.0, std::abs(v)))
            return s;
    }
    return en().toString(v, 'g', 12);
}
QString percent(double fraction) {
    return exactDecimals(100.0 * fraction, 4) + "%";
}

// Every leaf of the file by its path ("contracts[0].tranches[1].gpus"), labels and the trail left out.
void flatten(const QJsonValue& v, const QString& path, std::map<QString, QJsonValue>& out) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == "notes" || it.key() == "sources" || it.key() == "id" || it.key() == "name")
                continue;
            flatten(it.value(), path.isEmpty() ? it.key() : path + "." + it.key(), out);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            flatten(a[i], QString("%1[%2]").arg(path).arg(i), out);
    } else {
        out.emplace(path, v);
    }
}

// "payment_terms_days" -> "Payment terms days", "book_depreciation.factor" -> "Book depreciation:
// factor": a field no table names still reads as words (indices and list names left out).
QString humanized(const QString& key) {
    static const QRegularExpression index(R"(\[\d+\])");
    QStringList parts = QString(key).remove(index).split('.', Qt::SkipEmptyParts);
    if (parts.size() > 2)
        parts = parts.mid(parts.size() - 2);
    QString s = parts.join(": ").replace('_', ' ');
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

// "contracts[0].tranches[1].gpus" -> "contracts[0].tranches[1]" -> ... -> "contracts".
QString parentPath(const QString& path) {
    const qsizetype cut = std::max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut > 0 ? path.left(cut) : QString();
}

struct Formatted {
    QString text;
    QVariant exact;
    QString unit;
};

// A value as the appendix shows it, by its field's unit and kind (portfolio/ItemFields.cpp's units).
Formatted formatValue(const QString& key, const FieldSpec* spec, const QJsonValue& v, const QString& cur) {
    if (v.isString()) {
        const QString s = v.toString();
        if (const QDate d = QDate::fromString(s, Qt::ISODate); d.isValid())
            return {s, d, tr("date")};
        if (spec && !spec->choices.isEmpty()) { // a keyword: "straight line", "MACRS 5-year"
            static const QRegularExpression macrs(R"(^macrs_(\d+)$)");
            if (const auto m = macrs.match(s); m.hasMatch())
                return {tr("MACRS %1-year").arg(m.captured(1)), s, {}};
            return {QString(s).replace('_', ' '), s, {}};
        }
        return {s, s, {}};
    }
    if (v.isBool())
        return {v.toBool() ? tr("yes") : tr("no"), v.toBool(), {}};
    if (!v.isDouble())
        return {v.toVariant().toString(), v.toVariant(), {}};
    const double x = v.toDouble();
    const QString field = key.section('.', -1);
    if (field == "seed") // an identifier, not a quantity: no thousands separators
        return {QString::number(qint64(x)), x, {}};
    const QString unit = spec ? spec->unit : QString();
    if (field == "total_contract_value")
        return {formatMoneyShort(x, cur), x, cur};
    if (field == "gpus")
        return {tr("%1 GPUs").arg(exactDecimals(x, 2)), x, tr("GPUs")};
    if (unit.isEmpty() && (field.endsWith("_fraction") || field == "fraction")) // a share no table names
        return {percent(x), x, QStringLiteral("share")};
    if (unit.startsWith("share")) {
        const QString rest = unit.mid(5).trimmed(); // "of TCV", "of capex per year"
        return {rest.isEmpty() ? percent(x) : percent(x) + " " + rest, x, unit};
    }
    if (unit == "per year" || unit == "per √year") {
        // A speed of reversion is a number a year; a rate (discount, escalator, trend, hazard) a percentage.
        if (field.contains("reversion"))
            return {exactDecimals(x, 4) + " " + unit, x, unit};
        return {percent(x) + " " + unit, x, unit};
    }
    if (unit.startsWith("per ")) // money per GPU-hour, per GPU, per MWh, per kW-month
        return {cur + " " + exactDecimals(x, std::abs(x) >= 1000 ? 2 : 4, std::abs(x) >= 1000 ? 0 : 2) + " " +
                    unit,
                x, cur + " " + unit};
    if (unit == "x market")
        return {exactDecimals(x, 4) + "x " + tr("market"), x, unit};
    if (unit == "H100 = 1")
        return {exactDecimals(x, 4) + " (H100 = 1)", x, unit};
    if (!unit.isEmpty())
        return {exactDecimals(x, 4) + " " + unit, x, unit};
    return {exactDecimals(x, 6), x, {}};
}

class Builder {
public:
    explicit Builder(const Portfolio& p)
        : p_(p)
        , cur_(q(p.currency)) {
        flatten(QJsonDocument::fromJson(data::writePortfolioJson(p)).object(), QString(), leaves_);
        // The scenarios change inputs, they are none: the report's "How the decision holds up" says them.
        for (const char* structure : {"format", "version", "alternatives", "scenarios"})
            for (auto it = leaves_.begin(); it != leaves_.end();)
                it = it->first == structure || it->first.startsWith(QString(structure) + "[") ||
                             it->first.startsWith(QString(structure) + ".")
                         ? leaves_.erase(it)
                         : std::next(it);
    }

    std::vector<AppendixGroup> build() {
        portfolio();
        demand();
        market();
        for (std::size_t i = 0; i < p_.contracts.size(); ++i)
            item(tr("Contract: %1").arg(q(p_.contracts[i].name)), QString("contracts[%1]").arg(i),
                 contractFields(), q(p_.contracts[i].notes));
        for (std::size_t i = 0; i < p_.fleets.size(); ++i)
            item(tr("Owned fleet: %1").arg(q(p_.fleets[i].name)), QString("fleets[%1]").arg(i), fleetFields(),
                 q(p_.fleets[i].notes));
        for (std::size_t i = 0; i < p_.skus.size(); ++i) {
            const Sku& s = p_.skus[i];
            const QString title = s.name.empty() || s.name == s.id
                                      ? tr("GPU: %1").arg(q(s.id))
                                      : tr("GPU: %1 (%2)").arg(q(s.id), q(s.name));
            item(title, QString("skus[%1]").arg(i), skuFields(), q(s.notes));
        }
        tornadoSettings();
        leftovers();
        std::vector<AppendixGroup> out;
        for (auto& g : groups_)
            if (!g.rows.empty() || g.correlation)
                out.push_back(std::move(g));
        return out;
    }

private:
    // The source of the input at `path`: its own, or the nearest enclosing path's.
    QString sourceOf(const QString& path) const {
        for (QString at = path; !at.isEmpty(); at = parentPath(at)) {
            const auto found = p_.sources.find(at.toStdString());
            if (found != p_.sources.end())
                return q(found->second);
        }
        return fallback_;
    }

    // portfolioWide: what the portfolio's notes speak for (the market model, the demand), where an
    // input without a source of its own points to them.
    AppendixGroup& group(const QString& title, const QString& notes = {}, bool portfolioWide = false) {
        fallback_ = !notes.isEmpty()                     ? tr("see the notes below")
                    : portfolioWide && !p_.notes.empty() ? tr("see the portfolio's notes")
                                                         : tr("not sourced");
        groups_.push_back({title, {}, notes, std::nullopt, {}});
        return groups_.back();
    }

    // The leaf at `path` as a row of g, once: later lookups of a taken leaf find nothing.
    bool take(AppendixGroup& g, const QString& path, const QString& label, const FieldSpec* spec) {
        const auto it = leaves_.find(path);
        if (it == leaves_.end())
            return false;
        const Formatted f = formatValue(path, spec, it->second, cur_);
        g.rows.push_back({label, f.text, f.exact, f.unit, sourceOf(path), path});
        leaves_.erase(it);
        return true;
    }

    // A step curve's points (tranches, utilization, the demand) as "<label> from DATE" rows.
    void curve(AppendixGroup& g, const QString& list, const QString& label, const QString& valueKey,
               bool share) {
        for (int j = 0;; ++j) {
            const QString at = QString("%1[%2]").arg(list).arg(j);
            const auto date = leaves_.find(at + ".date");
            const auto value = leaves_.find(at + "." + valueKey);
            if (date == leaves_.end() || value == leaves_.end())
                break;
            const double x = value->second.toDouble();
            const QString text = share ? percent(x) : tr("%1 GPUs").arg(exactDecimals(x, 2));
            g.rows.push_back({tr("%1 from %2").arg(label, date->second.toString()), text, x,
                              share ? tr("share") : tr("GPUs"), sourceOf(at), at});
            leaves_.erase(date);
            leaves_.erase(value);
        }
    }

    void portfolio() {
        AppendixGroup& g = group(tr("Portfolio and assumptions"), q(p_.notes));
        take(g, "currency", tr("Currency"), nullptr);
        for (const FieldSpec& f : assumptionFields())
            take(g, f.key, f.label, &f);
        for (const auto& [key, label] :
             {std::pair{"simulation.paths", tr("Monte Carlo paths (the run's default)")},
              std::pair{"simulation.seed", tr("Monte Carlo seed (the run's default)")}})
            take(g, key, label, nullptr);
        curve(g, "utilization", tr("Utilization"), "value", true);
    }

    void demand() {
        if (!p_.demand)
            return;
        AppendixGroup& g = group(tr("Demand"), {}, true);
        take(g, "demand.sku", tr("GPU the demand is counted in"), nullptr);
        curve(g, "demand.curve", tr("Demand"), "gpus", false);
    }

    void market() {
        AppendixGroup& g = group(tr("Market model"), {}, true);
        for (const FieldSpec& f : marketFields())
            take(g, "market." + f.key, f.label, &f);
        for (const FieldSpec& f : demandUncertaintyFields())
            take(g, "market.demand." + f.key, tr("Demand: %1").arg(f.label.toLower()), &f);
        if (const auto spot = leaves_.find("market.spot_covers"); spot != leaves_.end()) {
            // The alternative's name, as every other page names it.
            QString covers = spot->second.toString();
            if (p_.alternatives)
                for (const auto& a : *p_.alternatives)
                    if (q(a.id) == covers)
                        covers = q(a.name);
            g.rows.push_back({tr("The spot alternative buys the hours of"),
                              covers,
                              spot->second.toString(),
                              {},
                              sourceOf("market.spot_covers"),
                              "market.spot_covers"});
            leaves_.erase(spot);
        }
        // One matrix, one line of sources: each cell's (its own, or the matrix's), each said once.
        bool any = false;
        QStringList sources;
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) {
                const QString cell = QString("market.correlation[%1][%2]").arg(i).arg(j);
                if (leaves_.erase(cell) == 0)
                    continue;
                any = true;
                if (const QString s = sourceOf(cell); !sources.contains(s))
                    sources << s;
            }
        if (any) {
            g.correlation = p_.market.correlation;
            g.correlationSource = sources.join("; ");
        }
    }

    void item(const QString& title, const QString& prefix, const std::vector<FieldSpec>& fields,
              const QString& notes) {
        AppendixGroup& g = group(title, notes);
        for (const FieldSpec& f : fields) {
            if (f.key == "name" || f.key == "id" || f.key == "notes")
                continue;
            // Book and tax depreciation share some labels ("Factor"): the appendix says which.
            QString label = f.label;
            if (f.key.startsWith("book_depreciation.") && !label.startsWith(tr("Book")))
                label = tr("Book depreciation: %1").arg(label.toLower());
            else if (f.key.startsWith("tax_depreciation.") && !label.startsWith(tr("Tax")) &&
                     !label.contains(tr("onus")))
                label = tr("Tax depreciation: %1").arg(label.toLower());
            if (f.kind == FieldKind::Tranches)
                curve(g, prefix + ".tranches", tr("Committed GPUs"), "gpus", false);
            else
                take(g, prefix + "." + f.key, label, &f);
        }
        curve(g, prefix + ".utilization", tr("Utilization"), "value", true);
        // What the table does not name is still an input: shown under its own key in words.
        for (auto it = leaves_.lower_bound(prefix + ".");
             it != leaves_.end() && it->first.startsWith(prefix + ".");) {
            const QString path = it->first;
            ++it;
            take(g, path, humanized(path.mid(prefix.size() + 1)), nullptr);
        }
    }

    void tornadoSettings() {
        AppendixGroup& g = group(tr("Sensitivity (tornado) settings"), {}, true);
        for (const auto& info : sensitivityInputs()) {
            const auto found = p_.sensitivity.find(info.id);
            if (found == p_.sensitivity.end())
                continue;
            const QString path = QString("sensitivity.") + info.id;
            for (const auto& [side, value] :
                 {std::pair{tr("low"), found->second.low}, std::pair{tr("high"), found->second.high}}) {
                g.rows.push_back({tr("%1, %2 setting").arg(tr(info.name), side),
                                  q(sensitivitySettingLabel(info.kind, value)),
                                  value,
                                  {},
                                  sourceOf(path),
                                  path + (side == tr("low") ? ".low" : ".high")});
            }
            for (auto it = leaves_.lower_bound(path); it != leaves_.end() && it->first.startsWith(path);)
                it = leaves_.erase(it);
        }
    }

    void leftovers() {
        if (leaves_.empty())
            return;
        AppendixGroup& g = group(tr("Other inputs"), {}, true);
        while (!leaves_.empty())
            take(g, leaves_.begin()->first, humanized(leaves_.begin()->first), nullptr);
    }

    const Portfolio& p_;
    QString cur_;
    std::map<QString, QJsonValue> leaves_;
    QString fallback_;                 // the source of an input without one, in the group being built
    std::deque<AppendixGroup> groups_; // a group's reference stays good as later ones are added
};

} // namespace

QString appendixValue(const QString& path, const QJsonValue& value, const std::string& currency) {
    static const QRegularExpression item(R"(^(contracts|fleets|skus)\[\d+\]\.(.+)$)");
    const auto m = item.match(path);
    const std::vector<FieldSpec>* fields = &assumptionFields();
    QString key = path;
    if (m.hasMatch()) {
        fields = m.captured(1) == "contracts" ? &contractFields()
                 : m.captured(1) == "fleets"  ? &fleetFields()
                                              : &skuFields();
        key = m.captured(2);
    } else if (path.startsWith("market.")) {
        fields = &marketFields();
        key = path.mid(7);
    }
    const FieldSpec* spec = nullptr;
    for (const FieldSpec& f : *fields)
        if (f.key == key)
            spec = &f;
    return formatValue(path, spec, value, q(currency)).text;
}

QString formatMoneyShort(double amount, const QString& currency) {
    const double a = std::abs(amount);
    auto scaled = [&](double unit, const QString& suffix) -> QString {
        for (int d = 1; d <= 3; ++d) {
            const QString s = en().toString(amount / unit, 'f', d);
            if (std::abs(en().toDouble(s) * unit - amount) <= 1e-9 * a)
                return currency + " " + (d == 1 && s.endsWith(".0") ? s.left(s.size() - 2) : s) + " " +
                       suffix;
        }
        return {};
    };
    if (a >= 1e9)
        if (const QString s = scaled(1e9, "B"); !s.isEmpty())
            return s;
    if (a >= 1e6)
        if (const QString s = scaled(1e6, "M"); !s.isEmpty())
            return s;
    return currency + " " + exactDecimals(amount, 2);
}

std::vector<AppendixGroup> assumptionsAppendix(const Portfolio& p) {
    return Builder(p).build();
}

std::vector<AppendixGroup> catalogAppendix(const std::vector<data::CatalogEntry>& used,
                                           const std::string& currency) {
    std::vector<AppendixGroup> out;
    for (const auto& e : used) {
        AppendixGroup g{tr("Bundled catalog GPU: %1 (%2)").arg(q(e.sku.id), q(e.sku.name)), {}, {}, {}, {}};
        const std::pair<const char*, double> figures[] = {
            {"perf_index", e.sku.perfIndex},
            {"market_price_per_gpu_hour", e.sku.marketPricePerGpuHour},
            {"capex_per_gpu", e.sku.capexPerGpu},
            {"it_kw_per_gpu", e.sku.itKwPerGpu}};
        for (const auto& [key, value] : figures) {
            const FieldSpec* spec = nullptr;
            for (const FieldSpec& f : skuFields())
                if (f.key == key)
                    spec = &f;
            const Formatted f = formatValue(key, spec, QJsonValue(value), q(currency));
            const auto found = e.sources.find(key);
            QString source = tr("not sourced");
            if (found != e.sources.end()) {
                source = (found->second.estimate ? tr("Estimate: ") : QString()) + q(found->second.source);
                if (!found->second.date.empty())
                    source += " " + tr("(as of %1)").arg(q(found->second.date));
            }
            g.rows.push_back({spec ? spec->label : humanized(key), f.text, f.exact, f.unit, source,
                              QString("catalog.%1.%2").arg(q(e.sku.id), key)});
        }
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace ledger::models
