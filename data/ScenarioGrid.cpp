#include "data/ScenarioGrid.h"

#include "data/Scenarios.h"

#include <QStringList>

namespace ledger::data {

std::optional<GridAxis> parseGridAxis(const QString& spec, QString* error) {
    const qsizetype eq = spec.indexOf('=', spec.lastIndexOf('/'));
    if (!spec.startsWith('/') || eq < 0) {
        *error = "\"" + spec +
                 "\" is not PATH=V1,V2,... (an input path such as "
                 "/contracts/id=cw-2025/price_per_gpu_hour=4,4.5,5)";
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
