#pragma once
// The Qt models of the Scenarios tab (issue 21): the list of scenarios (the base case first), the
// overrides of the selected one as an editable table, and the scenario matrix (data::evaluateScenarios:
// the base case and every scenario as rows, the alternatives' NPV cost as columns, each row's
// winner and whether it flips the verdict). Edits go to the document as undoable commands; a
// refused one changes nothing and is reported by editRefused with the file's message.
#include "data/ScenarioResults.h"
#include "models/PortfolioDocument.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>

#include <optional>
#include <string>
#include <vector>

namespace ledger::models {

// A row per scenario, "Base case" first. Display: the name (the one shown in bold); tooltip: its
// description and overrides; NameRole: the scenario's name, empty for the base case.
class ScenarioListModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int NameRole = Qt::UserRole + 1;
    explicit ScenarioListModel(PortfolioDocument* doc, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    // The scenario of a row (none: the base case, row 0), and the row of a scenario (none: 0).
    std::optional<std::string> scenarioAt(int row) const;
    int rowOf(const std::optional<std::string>& scenario) const;

private:
    PortfolioDocument* doc_;
    std::uint64_t revision_ = 0;
    int rows_ = 0;
};

// The selected scenario's overrides: a row each, its input path and its value as JSON text, both
// editable. None while the base case is shown. A path edit keeps the value; when the value does not
// fit the new input, the input's value in the base case is taken instead (then edited).
class ScenarioOverridesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, ValueColumn, ColumnCount };
    explicit ScenarioOverridesModel(PortfolioDocument* doc, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    // A new override of the discount rate at its base-case value (a change of nothing, to edit), and
    // the removal of a row; each one undoable command.
    bool addOverride(QString* error);
    bool removeOverride(int row, QString* error);

signals:
    void editRefused(const QString& message);

private:
    const Scenario* scenario() const;
    PortfolioDocument* doc_;
    std::vector<ScenarioOverride> rows_;
};

// The scenario matrix: a row per outcome (the base case, then each scenario in the file's order),
// the columns Scenario, one per alternative (NPV cost after tax, in the currency's millions, the
// exact value under Qt::UserRole), Winner and Verdict ("holds", "flips"). The winner's cell is bold
// on a green tint; a row that flips the verdict has its Verdict in red and its name in bold.
// Recomputed (deterministic, without the analytics, of the scenarios the document applied) when the
// portfolio changes, not when the shown scenario does; while inactive, when made active again.
class ScenarioMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int WinnerRole = Qt::UserRole + 1; // true on the winner's cell
    static constexpr int FlipsRole = Qt::UserRole + 2;  // true on every cell of a row that flips
    explicit ScenarioMatrixModel(PortfolioDocument* doc, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    const std::vector<data::ScenarioOutcome>& outcomes() const { return outcomes_; }
    // The scenario of a row (none: the base case), and the row of a scenario.
    std::optional<std::string> scenarioAt(int row) const;
    int rowOf(const std::optional<std::string>& scenario) const;
    // The column of the alternative that wins a row (none without a winner).
    std::optional<int> winnerColumn(int row) const;
    int winnerColumnIndex() const { return 1 + int(alternatives_.size()); }
    // Which scenarios flip the verdict, in words (models/ScenarioText.h); the problem instead when a
    // scenario could not be evaluated.
    QString summary() const;
    // While inactive (its view hidden) a change only marks it stale; made active again it recomputes
    // then. Active from the start.
    void setActive(bool active);

private:
    void recompute();
    PortfolioDocument* doc_;
    std::uint64_t revision_ = 0;
    bool active_ = true;
    std::vector<data::ScenarioOutcome> outcomes_;
    std::vector<std::pair<std::string, std::string>> alternatives_; // id, name: the columns
    QString problem_;
};

} // namespace ledger::models
