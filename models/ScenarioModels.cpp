#include "models/ScenarioModels.h"

#include "data/Scenarios.h"
#include "models/MoneyFormat.h"
#include "models/ScenarioText.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>

namespace ledger::models {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// The winner's tint: translucent, so it reads on a light and a dark palette alike.
QColor winnerTint() {
    return QColor(46, 160, 67, 70);
}
QColor flipColour() {
    return QColor(0xc6, 0x28, 0x28);
}

} // namespace

// ---- ScenarioListModel ----

ScenarioListModel::ScenarioListModel(PortfolioDocument* doc, QObject* parent)
    : QAbstractListModel(parent)
    , doc_(doc) {
    auto follow = [this] {
        const int rows = doc_->hasPortfolio() ? 1 + int(doc_->portfolio().scenarios.size()) : 0;
        if (doc_->revision() != revision_ || rows != rows_) {
            beginResetModel();
            revision_ = doc_->revision();
            rows_ = rows;
            endResetModel();
        } else if (rows_ > 0) {
            emit dataChanged(index(0), index(rows_ - 1), {Qt::FontRole});
        }
    };
    follow();
    connect(doc_, &PortfolioDocument::evaluationChanged, this, follow);
}

int ScenarioListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows_;
}

QVariant ScenarioListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_)
        return {};
    const std::optional<std::string> name = scenarioAt(index.row());
    const Scenario* s = name ? data::findScenario(doc_->portfolio(), *name) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return s ? q(s->name) : tr(data::kBaseCaseName);
    case NameRole:
        return s ? q(s->name) : QString();
    case Qt::FontRole:
        return name == doc_->selectedScenario() ? boldFont() : QVariant();
    case Qt::ToolTipRole: {
        if (!s)
            return tr("The portfolio as given: what every scenario changes");
        QStringList lines;
        if (!s->description.empty())
            lines << q(s->description);
        for (const auto& o : s->overrides)
            lines << q(o.path) + " = " + q(o.valueJson).left(80);
        if (!s->source.empty())
            lines << tr("Source: %1").arg(q(s->source));
        return lines.join('\n');
    }
    default:
        return {};
    }
}

std::optional<std::string> ScenarioListModel::scenarioAt(int row) const {
    if (row <= 0 || !doc_->hasPortfolio() || std::size_t(row) > doc_->portfolio().scenarios.size())
        return std::nullopt;
    return doc_->portfolio().scenarios[std::size_t(row) - 1].name;
}

int ScenarioListModel::rowOf(const std::optional<std::string>& scenario) const {
    if (!scenario || !doc_->hasPortfolio())
        return 0;
    const auto& list = doc_->portfolio().scenarios;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].name == *scenario)
            return int(i) + 1;
    return 0;
}

// ---- ScenarioOverridesModel ----

ScenarioOverridesModel::ScenarioOverridesModel(PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    auto follow = [this] {
        const Scenario* s = scenario();
        const std::vector<ScenarioOverride> rows = s ? s->overrides : std::vector<ScenarioOverride>();
        if (rows.size() != rows_.size()) {
            beginResetModel();
            rows_ = rows;
            endResetModel();
        } else if (rows != rows_) {
            rows_ = rows;
            emit dataChanged(index(0, 0), index(int(rows_.size()) - 1, ColumnCount - 1));
        }
    };
    follow();
    connect(doc_, &PortfolioDocument::evaluationChanged, this, follow);
}

const Scenario* ScenarioOverridesModel::scenario() const {
    const auto& name = doc_->selectedScenario();
    return doc_->hasPortfolio() && name ? data::findScenario(doc_->portfolio(), *name) : nullptr;
}

int ScenarioOverridesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int ScenarioOverridesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScenarioOverridesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= rows_.size())
        return {};
    const ScenarioOverride& o = rows_[std::size_t(index.row())];
    const QString text = index.column() == PathColumn ? q(o.path) : q(o.valueJson);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return text;
    case Qt::ToolTipRole: // in words: the input, its value in the base case and in this scenario
        return overrideInWords(doc_->portfolio(), o);
    default:
        return {};
    }
}

QVariant ScenarioOverridesModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, o, role);
    if (role == Qt::DisplayRole)
        return section == PathColumn ? tr("Input path") : tr("Value (JSON)");
    if (role == Qt::ToolTipRole)
        return section == PathColumn
                   ? tr("Where the input is in the portfolio file, as a JSON Pointer whose list steps may be "
                        "id=VALUE: /contracts/id=cw-2025/price_per_gpu_hour, /market/gpu_price/volatility, "
                        "/demand/curve/2/gpus")
                   : tr("The value as the file writes it: 4.5, \"2028-06-30\", a list of curve points; null "
                        "removes the input, so its default applies");
    return {};
}

Qt::ItemFlags ScenarioOverridesModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ScenarioOverridesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Scenario* s = scenario();
    if (role != Qt::EditRole || !index.isValid() || !s || std::size_t(index.row()) >= s->overrides.size())
        return false;
    const std::size_t row = std::size_t(index.row());
    ScenarioOverride next = s->overrides[row];
    const std::string name = s->name;
    const std::string text = value.toString().trimmed().toStdString();
    if (index.column() == PathColumn)
        next.path = text;
    else
        next.valueJson = text;
    if (next == s->overrides[row])
        return true;
    QString error;
    if (doc_->setOverride(name, row, next, &error))
        return true;
    if (index.column() == PathColumn) {
        // Another input: its value in the base case, when the old value does not fit it.
        QString ignored;
        const QJsonValue base = data::inputValue(doc_->portfolio(), next.path, &ignored);
        if (!base.isUndefined()) {
            const QByteArray json = QJsonDocument(QJsonArray{base}).toJson(QJsonDocument::Compact);
            next.valueJson = json.mid(1, json.size() - 2).toStdString();
            if (doc_->setOverride(name, row, next, &ignored))
                return true;
        }
    }
    emit editRefused(error);
    return false;
}

bool ScenarioOverridesModel::addOverride(QString* error) {
    const Scenario* s = scenario();
    if (!s) {
        *error = tr("The base case has no overrides: select or add a scenario first.");
        return false;
    }
    const std::string path = "/assumptions/discount_rate";
    QString ignored;
    const QJsonValue base = data::inputValue(doc_->portfolio(), path, &ignored);
    const QByteArray json = QJsonDocument(QJsonArray{base}).toJson(QJsonDocument::Compact);
    return doc_->addOverride(s->name, {path, json.mid(1, json.size() - 2).toStdString()}, error);
}

bool ScenarioOverridesModel::removeOverride(int row, QString* error) {
    const Scenario* s = scenario();
    if (!s || row < 0) {
        *error = tr("Select an override to remove.");
        return false;
    }
    return doc_->removeOverride(s->name, std::size_t(row), error);
}

// ---- ScenarioMatrixModel ----

ScenarioMatrixModel::ScenarioMatrixModel(PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    recompute();
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        if (active_ && doc_->revision() != revision_)
            recompute();
    });
}

void ScenarioMatrixModel::setActive(bool active) {
    active_ = active;
    if (active_ && doc_->revision() != revision_)
        recompute();
}

void ScenarioMatrixModel::recompute() {
    beginResetModel();
    revision_ = doc_->revision();
    outcomes_.clear();
    alternatives_.clear();
    problem_.clear();
    if (doc_->hasPortfolio()) {
        // Deterministic NPV costs only: the analytics (breakevens, useful lives) are not shown here;
        // the scenarios as the document applied them for its own check.
        const Portfolio& p = doc_->portfolio();
        const auto& applied = doc_->appliedScenarios();
        QString error;
        if (applied.size() == p.scenarios.size())
            outcomes_ = data::evaluateAppliedScenarios(p, applied, doc_->catalog(), EvaluateOptions{false});
        else if (auto all = data::evaluateScenarios(p, doc_->catalog(), &error, EvaluateOptions{false}))
            outcomes_ = std::move(*all); // cannot happen: every edit keeps the scenarios applying
        else
            problem_ = error;
        alternatives_ = scenarioColumns(outcomes_);
    }
    endResetModel();
}

int ScenarioMatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(outcomes_.size());
}

int ScenarioMatrixModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || outcomes_.empty() ? 0 : int(alternatives_.size()) + 3;
}

std::optional<int> ScenarioMatrixModel::winnerColumn(int row) const {
    if (row < 0 || std::size_t(row) >= outcomes_.size() || !outcomes_[std::size_t(row)].winner)
        return std::nullopt;
    const auto& o = outcomes_[std::size_t(row)];
    const std::string& id = o.evaluation.alternatives[*o.winner].id;
    for (std::size_t c = 0; c < alternatives_.size(); ++c)
        if (alternatives_[c].first == id)
            return int(c) + 1;
    return std::nullopt;
}

QVariant ScenarioMatrixModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= outcomes_.size())
        return {};
    const data::ScenarioOutcome& o = outcomes_[std::size_t(index.row())];
    const int column = index.column();
    const int alternatives = int(alternatives_.size());
    const bool winner = winnerColumn(index.row()) == column;
    if (role == WinnerRole)
        return winner;
    if (role == FlipsRole)
        return o.flipsVerdict;
    if (column == 0) { // the scenario
        switch (role) {
        case Qt::DisplayRole:
            return o.base ? tr(data::kBaseCaseName) : q(o.name);
        case Qt::FontRole:
            return o.flipsVerdict || o.base ? boldFont() : QVariant();
        case Qt::ToolTipRole:
            return o.base ? tr("The portfolio as given") : q(o.description);
        default:
            return {};
        }
    }
    if (column <= alternatives) { // an alternative's NPV cost
        const std::string& id = alternatives_[std::size_t(column - 1)].first;
        const AlternativeResult* a = o.evaluation.alternative(id);
        if (!a)
            return role == Qt::DisplayRole ? QVariant(QString::fromUtf8("\u2014")) : QVariant();
        if (role == Qt::BackgroundRole)
            return winner ? QBrush(winnerTint()) : QVariant();
        if (role == Qt::ToolTipRole && winner)
            return tr("Cheapest in %1").arg(o.base ? tr("the base case") : "\"" + q(o.name) + "\"");
        return moneyCell(a->npvCost, role, winner);
    }
    if (column == alternatives + 1) { // the winner
        switch (role) {
        case Qt::DisplayRole:
            return winnerName(o);
        case Qt::FontRole:
            return o.winner ? boldFont() : QVariant();
        case Qt::ToolTipRole:
            if (const auto lead = winnerLead(o))
                return tr("Cheapest by %1 %2 M of NPV cost against the next best")
                    .arg(q(o.evaluation.currency), formatMillions(*lead));
            return o.winner ? QVariant() : tr("Nothing to compare: no alternative is cheapest");
        default:
            return {};
        }
    }
    switch (role) { // the verdict
    case Qt::DisplayRole:
        return o.base ? QString::fromUtf8("\u2014") : o.flipsVerdict ? tr("flips") : tr("holds");
    case Qt::ForegroundRole:
        return o.flipsVerdict ? QBrush(flipColour()) : QVariant();
    case Qt::FontRole:
        return o.flipsVerdict ? boldFont() : QVariant();
    case Qt::ToolTipRole:
        return o.base           ? tr("The verdict every scenario is compared with")
               : o.flipsVerdict ? tr("Another alternative is cheapest here than in the base case")
                                : tr("The base case's cheapest alternative stays cheapest");
    default:
        return {};
    }
}

QVariant ScenarioMatrixModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    const int alternatives = int(alternatives_.size());
    if (section == 0)
        return tr("Scenario");
    if (section <= alternatives) {
        const QString currency =
            outcomes_.empty() ? QString("USD") : q(outcomes_.front().evaluation.currency);
        return tr("%1\nNPV cost (%2 M)").arg(q(alternatives_[std::size_t(section - 1)].second), currency);
    }
    return section == alternatives + 1 ? tr("Winner") : tr("Verdict");
}

std::optional<std::string> ScenarioMatrixModel::scenarioAt(int row) const {
    if (row <= 0 || std::size_t(row) >= outcomes_.size())
        return std::nullopt;
    return outcomes_[std::size_t(row)].name;
}

int ScenarioMatrixModel::rowOf(const std::optional<std::string>& scenario) const {
    if (!scenario)
        return outcomes_.empty() ? -1 : 0;
    for (std::size_t i = 1; i < outcomes_.size(); ++i)
        if (outcomes_[i].name == *scenario)
            return int(i);
    return -1;
}

QString ScenarioMatrixModel::summary() const {
    return problem_.isEmpty() ? verdictHoldsSentence(outcomes_) : problem_;
}

} // namespace ledger::models
