#pragma once
// The live document (Tiled's MapDocument idea): the portfolio being worked on, its file, its undo
// stack and its evaluation. Every edit is one undoable command holding the portfolio before and
// after, so undo and redo restore the numbers exactly; widgets read the document and edit it only
// through setValue(), they never compute.
#include "analytics/OuCalibration.h"
#include "analytics/ReverseStress.h"
#include "analytics/Sensitivity.h"
#include "data/StressTemplates.h"
#include "engine/EvaluationResult.h"
#include "models/DatedValues.h"
#include "portfolio/Deal.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QByteArray>
#include <QDate>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ledger::models {

// The GPU price's forward curve as a curve path (PortfolioDocument::curve, docs/model.md 12.2).
inline constexpr const char* kForwardCurvePath = "market.gpu_price.forward_curve";

class PortfolioDocument : public QObject {
    Q_OBJECT
public:
    // Each scenario of the portfolio applied to it (data::withScenario), in the portfolio's order.
    using AppliedScenarios = std::vector<Portfolio>;
    using AppliedScenariosPtr = std::shared_ptr<const AppliedScenarios>;

    explicit PortfolioDocument(SkuCatalog catalog, QObject* parent = nullptr);

    // Loads (.cledger or .json) and evaluates; on a problem keeps the current state and sets *error
    // to the one-line message. Clears the undo history.
    bool open(const QString& path, QString* error);
    bool openBundledExample(QString* error);
    // A new portfolio with one contract to start from (valuation date: the first of next month);
    // it has no file until saved.
    void newPortfolio();
    // Saves to the current file (.cledger or .json by its extension); the bundled example has none.
    bool save(QString* error);
    bool saveAs(const QString& path, QString* error);
    // Writes the portfolio to path (JSON or .cledger) without making it the document's file: autosave.
    bool writeCopy(const QString& path, QString* error) const;
    // The bundled reference data the window offers (data/ReferenceData.h).
    static SkuCatalog bundledCatalog();
    static std::vector<Deal> dealLibrary();
    // The source an input typed in the window is given (its sources entry, the reports' audit trail):
    // "entered by the user on 2026-12-02".
    static QString enteredByUser(const QDate& day);
    // After restoring an autosave: the document belongs to `path` (empty: to no file) and has unsaved
    // changes, so Save asks before overwriting nothing and closing asks to save.
    void markUnsavedFor(const QString& path);
    // What the last open did besides reading (leftovers of a killed save removed), for the status bar.
    const QStringList& openNotices() const { return notices_; }

    // Sets the field at a JSON path ("contracts[0].price_per_gpu_hour") as one undoable command.
    // An invalid value changes nothing and sets *error to the same message a file would get
    // ("fleets[0].pue: 0.5 is below 1"). Consecutive edits of one field merge into one command.
    // mergeKey: edits with the same key merge (default: the path). words: the undo text, when the
    // field's own words (models/EditWords) do not say it (the alternatives' list).
    bool setValue(const QString& path, const QJsonValue& value, QString* error,
                  const QString& mergeKey = QString(), const QString& words = QString());
    QJsonValue value(const QString& path) const;
    // The tornado of the NPV difference between alternatives a and b (core/analytics/Sensitivity.h).
    Sensitivity sensitivity(std::size_t a, std::size_t b) const;
    // The smallest move of each tornado input alone that flips the verdict between the winner and
    // the runner-up (core/analytics/ReverseStress.h; the decision's pair: models::decisionPair).
    ReverseStress reverseStress(std::size_t winner, std::size_t runnerUp) const;
    // Several fields at once, as one undoable command (e.g. a price replacing a contract value).
    bool setValues(const QList<QPair<QString, QJsonValue>>& values, const QString& description,
                   QString* error);
    // Adds the contracts or fleets of a CSV file as one undoable command (data/PortfolioCsv.h).
    bool importCsv(const QString& path, QString* error);

    // Structural edits, each one undoable command; an edit that would leave the portfolio invalid
    // changes nothing and sets *error. Paths are "contracts[i]" or "fleets[i]".
    bool addContract(QString* error);
    bool addFleet(QString* error);
    bool addDeal(const Deal& deal, QString* error);
    bool addAlternative(QString* error); // with the first contract (or fleet) in it, to edit
    // Also "alternatives[i]" (the one-per-item default is made explicit first).
    bool duplicateItem(const QString& path, QString* error);
    bool deleteItem(const QString& path, QString* error);

    // A contract's options (docs/model.md 17), each change one undoable command named in words
    // ("Set option extend-2031's exercise date to 2029-03-31"), checked as a file is; a refused one
    // changes nothing and sets *error to the file's message ("contracts[0].options[1].fee: -1 is
    // below 0"). contract: the index in contracts, option: in its options.
    // A new extension to edit (portfolio/OptionTerms: starterOption), after the contract's others.
    bool addOption(std::size_t contract, QString* error);
    bool removeOption(std::size_t contract, std::size_t option, QString* error);
    // Field `key` of the option's table (portfolio/ItemFields.cpp, contractOptionFields) to `value`
    // as the file holds it (undefined: cleared, its default applies). A new "type" reshapes the option
    // in the same command (portfolio/OptionTerms: reshapeOption clears what the kind does not take and
    // starts what it needs), so undo brings every field back. The value it has already: no command.
    bool setOptionValue(std::size_t contract, std::size_t option, const QString& key, const QJsonValue& value,
                        QString* error);

    // The demand (MODEL.md 8): each change one undoable command named in words, checked as a file
    // is (a bad one changes nothing and sets *error to validation's message, "demand.curve[1].gpus: -1
    // is below 0"). MODEL.md 8 reads one uncertainty factor as the utilization's without a demand
    // and as the demand's with one, and refuses both at once: adding the first demand moves
    // market.utilization's uncertainty to market.demand, removing it moves it back.
    // enteredAt: the path the user typed (the demand's curve), marked as entered by the user.
    bool setDemand(const Demand& demand, const QString& description, QString* error,
                   const QString& enteredAt = {});
    bool removeDemand(QString* error);
    // market.demand: the demand's uncertainty.
    bool setDemandUncertainty(const OuProcess& uncertainty, const QString& description, QString* error);
    // The used hours of alternative a as the demand (core/analytics/DemandFromCapacity.h).
    bool addDemandFromAlternative(std::size_t a, QString* error);
    // The SKUs the portfolio can name (SkuCatalog::find's order): its own, then the bundled ones
    // it does not shadow.
    std::vector<Sku> usableSkus() const;

    // The inputs beyond the item tables (issue 19: every input editable), each change one undoable
    // command checked as a file is; a refused one changes nothing and sets *error to validation's
    // message.
    //
    // A step curve of dated values at `path`: "utilization" (the portfolio's), "contracts[i].utilization"
    // and "fleets[i].utilization" (an item's own; empty: the portfolio's), "contracts[i].tranches",
    // "demand.curve", "market.gpu_price.forward_curve" (kForwardCurvePath; empty: none, the trend
    // applies). Nullopt for any other path. The values are shares, GPUs, or prices.
    std::optional<std::vector<DatedValue>> curve(const QString& path) const;
    bool setCurve(const QString& path, const std::vector<DatedValue>& points, const QString& description,
                  QString* error);
    // A SKU's field ("perf_index", ...: portfolio/MarketFields.h). A bundled SKU is copied into the
    // portfolio first, so the change is the portfolio's and the catalog stays as shipped.
    bool setSkuValue(const QString& skuId, const QString& key, const QJsonValue& value, QString* error);
    // The SKU's field as a file holds it (undefined for no such SKU or field).
    QJsonValue skuValue(const QString& skuId, const QString& key) const;
    // The SKU with that id as the portfolio sees it (its own, else the bundled one), or null.
    const Sku* sku(const QString& skuId) const;
    bool skuIsOwn(const QString& skuId) const;
    // The SKUs the portfolio's items and demand name, in the order they are first named.
    std::vector<std::string> usedSkuIds() const;
    // The next-generation launch of the market model: added with a window 1 to 2.5 years after the
    // valuation date and a 20-40% price drop to edit (the bundled example's), or removed.
    bool setNextGenerationModelled(bool modelled, QString* error);
    // market.correlation[i][j] and [j][i] together: the matrix stays symmetric.
    bool setCorrelation(int i, int j, double value, QString* error);
    // market.gpu_price from a fit of the GPU price (analytics/GpuPriceFit: trend, reversion and
    // volatility; on a forward curve the last two) as one undoable command named `description`, each
    // field set citing `source` (the series it was fitted to). One that would not validate changes
    // nothing and sets *error to validation's message ("market.gpu_price.volatility: 7.4 is above 2").
    bool setGpuPriceFit(const OuParameters& fitted, const QString& description, const QString& source,
                        QString* error);

    // Named scenarios (issue 21; data/Scenarios.h): each change one undoable command named in words
    // ("Add scenario GPU price collapse"). An override is a path and a value as JSON text, checked
    // by data::withScenario: a scenario that would not apply to the base case changes nothing and
    // sets *error to the message its file would get ("scenario \"X\": /market/gpu_price/volatility
    // (...): market.gpu_price.volatility: 5 is above 2"). Names are unique and not empty.
    bool addScenario(QString* error); // "Scenario 1", no overrides: the base case, to edit
    bool addScenario(const Scenario& s, const QString& description, QString* error);
    // A built-in stress template made for this portfolio (data::stressScenario); a name already
    // taken gets " (2)". *added: the name it got.
    bool addStressScenario(data::StressKind kind, QString* error, std::string* added = nullptr);
    // `base`, or "base (2)", "base (3)", ... : the first name no scenario has.
    std::string unusedScenarioName(const std::string& base) const;
    bool duplicateScenario(const std::string& name, QString* error, std::string* added = nullptr);
    bool deleteScenario(const std::string& name, QString* error);
    bool renameScenario(const std::string& from, const std::string& to, QString* error);
    bool setScenarioDescription(const std::string& name, const std::string& description, QString* error);
    bool setScenarioSource(const std::string& name, const std::string& source, QString* error);
    // The value text is stored as the file writes it (compact JSON).
    bool addOverride(const std::string& name, const ScenarioOverride& o, QString* error);
    bool setOverride(const std::string& name, std::size_t row, const ScenarioOverride& o, QString* error);
    bool removeOverride(const std::string& name, std::size_t row, QString* error);

    // The scenario the window shows (none: the base case). While one is selected, evaluation(),
    // shownPortfolio(), sensitivity() and inputsHash() are of the scenario applied to the base case;
    // every edit still goes to the base case. Not an edit: no undo step, not saved. Selecting a name
    // the portfolio has no scenario of returns false and changes nothing. Deleting the selected
    // scenario (or undoing its addition) selects the base case; renaming it keeps it selected.
    bool selectScenario(const std::optional<std::string>& name);
    const std::optional<std::string>& selectedScenario() const { return selected_; }
    // The portfolio the tabs show: the selected scenario applied, else the base case.
    const Portfolio& shownPortfolio() const { return shown_ ? *shown_ : *portfolio_; }
    // The base case's evaluation, whatever is shown (the tree and the editors edit the base case).
    const EvaluationResult& baseEvaluation() const { return evaluation_; }
    // Every scenario applied to the base case, computed once per change (the check every edit makes
    // gives them; the shown scenario and the scenario matrix read them).
    const AppliedScenarios& appliedScenarios() const;
    // Counts the changes of the portfolio (not of the selection): a model that recomputes on its own
    // (the scenario matrix) skips a selection change.
    std::uint64_t revision() const { return revision_; }

    bool hasPortfolio() const { return portfolio_.has_value(); }
    const Portfolio& portfolio() const { return *portfolio_; }
    // Of the shown portfolio: the selected scenario's, else the base case's.
    const EvaluationResult& evaluation() const { return shown_ ? shownEvaluation_ : evaluation_; }
    const SkuCatalog& catalog() const { return catalog_; }
    const QString& filePath() const { return filePath_; }
    bool isBundledExample() const { return filePath_.startsWith(':'); }
    bool isModified() const { return !undo_.isClean(); }
    QString displayName() const;
    // SHA-256 of the shown portfolio's canonical JSON without the tornado's settings and the scenarios
    // (data::simulationInputsHash): what a simulation result belongs to.
    QString inputsHash() const;
    // The same of the base case, whatever is shown (what a report of the base case may cite).
    QString baseInputsHash() const;
    QUndoStack* undoStack() { return &undo_; }

    // Replaces the portfolio and re-evaluates (the edit commands' redo and undo). renamed: a scenario
    // renamed by the edit (from, to), so a selection of it follows.
    // applied: its scenarios applied, when the command knows them (none: applied when first asked).
    void replacePortfolio(const Portfolio& p,
                          const std::optional<std::pair<std::string, std::string>>& renamed = std::nullopt,
                          AppliedScenariosPtr applied = nullptr);

    // The tornado's low and high settings (MODEL.md 7, portfolio/SensitivityInputs.h): the whole set
    // the user gave replaces the portfolio's as one undoable command named `description` (an input
    // left out takes its default). A set validation refuses changes nothing and sets *error
    // ("sensitivity.contract_prices.low: -1 is below 0"); the same set as now pushes nothing.
    bool setSensitivityRanges(const std::map<std::string, SensitivityRange>& ranges,
                              const QString& description, QString* error);

signals:
    void evaluationChanged();
    // The shown scenario changed (evaluationChanged follows).
    void scenarioSelectionChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    // Re-evaluates after a change; shownBefore: the scenario shown before it (a change of it is said).
    void evaluate(const std::optional<std::string>& shownBefore);
    // The selected scenario applied and evaluated (or nothing selected), without touching the base's.
    void evaluateShown();
    // Whether every scenario still applies to `next` (a base edit may not break one: the file would
    // not read back). False and *error the first one's message otherwise; true keeps them applied
    // for the next pushEdit.
    bool scenariosApply(const Portfolio& next, QString* error);
    // Every scenario of p applied into *applied, or the first one's problem (and *applied untouched).
    QString applyScenarios(const Portfolio& p, AppliedScenariosPtr* applied) const;
    // Pushes an EditCommand with the scenarios applied before and after it.
    void pushEdit(QUndoCommand* command);
    // A scenario edit: the scenario `name` changed by `edit` on a copy, checked to apply, pushed.
    bool changeScenario(const std::string& name, const QString& description,
                        const std::function<void(Scenario&)>& edit, QString* error,
                        const std::optional<std::pair<std::string, std::string>>& renamed = std::nullopt);
    bool pushScenarios(const QString& description, const Portfolio& next, QString* error,
                       const std::optional<std::pair<std::string, std::string>>& renamed = std::nullopt);
    Contract starterContract(const Portfolio& p, const std::string& id) const;
    // Applies a change to a copy, validates it, and pushes it as one command that never merges.
    bool change(const QString& description, const std::function<void(Portfolio&)>& edit, QString* error);

    SkuCatalog catalog_;
    std::optional<Portfolio> portfolio_;
    EvaluationResult evaluation_; // the base case's
    std::optional<std::string> selected_;
    std::optional<Portfolio> shown_; // the selected scenario applied
    EvaluationResult shownEvaluation_;
    QString shownHash_;
    std::uint64_t revision_ = 0;
    mutable AppliedScenariosPtr applied_; // of portfolio_, null until asked or given
    AppliedScenariosPtr pending_;         // of the portfolio the next pushEdit's command makes
    QString filePath_;
    QByteArray fingerprint_; // the state of filePath_ when opened or last saved (CledgerDocument.h)
    QString simulationHash_; // inputsHash() of the portfolio as it is
    QStringList notices_;
    QUndoStack undo_;
};

} // namespace ledger::models
