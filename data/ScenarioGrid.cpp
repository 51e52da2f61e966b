#include "data/ScenarioGrid.h"

#include "data/Scenarios.h"

#include <QStringList>

namespace ledger::data {

std::optional<GridAxis> parseGridAxis(const QString& spec, QString* error) {
    // The path ends at the first "=" that is not a list step's "id=": a value may hold "/" or "=".
    qsizetype eq = -1;
    for (qsizetype at = spec.indexOf('='); at >= 0; at = spec.indexOf('=', at + 1)) {
        const qsizetype step = spec.lastIndexOf('/', at);
        if (step < 0 || spec.mid(step + 1, at - step - 1) != QLatin1String("id")) {
            eq = at;
            break;
        }
    }
    if (!spec.startsWith('/') || eq < 0) {
        *error = "\"" + spec +
                 "\" is not PATH=V1,V2,... (an input path such as "
                 "/contracts/id=cw-2025/total_contract_value=12e9,14.2e9)";
        return std::nullopt;
    }
    GridAxis axis;
    axis.path = spec.left(eq).toStdString();
    for (const QString& raw : spec.mid(eq + 1).split(',')) {
        const QString value = raw.trimmed();
        if (value.isEmpty()) {
            *error = "\"" + spec + "\": an empty value";
            return std::nullopt;
        }
        // A number, true, a quoted text: as JSON; anything else (a date) as text.
        auto json = compactJsonValue(value.toStdString());
        if (!json) {
            QString quoted = value;
            quoted.replace('\\', "\\\\").replace('"', "\\\"");
            json = compactJsonValue(("\"" + quoted + "\"").toStdString());
        }
        axis.values.push_back(*json);
    }
    return axis;
}

std::optional<std::vector<Scenario>> gridScenarios(const Portfolio& base, const std::vector<GridAxis>& axes,
                                                   const SkuCatalog& catalog, QString* error) {
    std::size_t count = axes.empty() ? 0 : 1;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (axes[j].path == axes[i].path) {
                *error =
                    QString::fromStdString(axes[i].path) + " is an axis twice: give its values in one --grid";
                return std::nullopt;
            }
        for (std::size_t v = 0; v < axes[i].values.size(); ++v)
            for (std::size_t w = 0; w < v; ++w)
                if (axes[i].values[w] == axes[i].values[v]) {
                    *error = QString::fromStdString(axes[i].path) + ": " +
                             QString::fromStdString(axes[i].values[v]) + " is given twice";
                    return std::nullopt;
                }
    }
    for (const GridAxis& a : axes) {
        count *= a.values.size();
        if (count > kMaxGridScenarios) {
            *error = QString("the grid has more than %1 combinations").arg(kMaxGridScenarios);
            return std::nullopt;
        }
    }
    std::vector<Scenario> out;
    for (std::size_t k = 0; k < count; ++k) {
        Scenario s;
        std::size_t rest = k;
        QStringList name;
        std::vector<std::size_t> at(axes.size());
        for (std::size_t i = axes.size(); i-- > 0;) {
            at[i] = rest % axes[i].values.size();
            rest /= axes[i].values.size();
        }
        for (std::size_t i = 0; i < axes.size(); ++i) {
            const std::string& path = axes[i].path;
            const std::string& value = axes[i].values[at[i]];
            s.overrides.push_back({path, value});
            name << QString::fromStdString(path.substr(path.rfind('/') + 1) + "=" + value);
        }
        s.name = name.join("; ").toStdString(); // no comma: --sweep lists names with commas
        s.description = "grid";
        if (findScenario(base, s.name)) {
            *error = "scenario \"" + QString::fromStdString(s.name) + "\" is in the file already";
            return std::nullopt;
        }
        if (!withScenario(base, s, catalog, error))
            return std::nullopt;
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace ledger::data
