#include "models/PortfolioDocument.h"

#include "analytics/DealContract.h"
#include "analytics/DemandFromCapacity.h"
#include "analytics/GpuPriceFit.h"
#include "data/CledgerDocument.h"
#include "data/FieldJson.h"
#include "data/PortfolioCsv.h"
#include "data/PortfolioEdit.h"
#include "data/ReferenceData.h"
#include "data/Scenarios.h"
#include "data/SkuCatalogJson.h"
#include "engine/DeterministicEngine.h"
#include "models/EditWords.h"
#include "portfolio/Defaults.h"
#include "portfolio/OptionTerms.h"
#include "portfolio/Validation.h"
#include "resources/BundledResources.h"

#include <QDate>
#include <QFileInfo>
#include <QRegularExpression>

#include <QUndoCommand>
#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <regex>

namespace ledger::models {

namespace {

// One field edit: the whole portfolio before and after (small, and exact to restore).
class EditCommand : public QUndoCommand {
public:
    EditCommand(PortfolioDocument* doc, QString path, Portfolio before, Portfolio after,
                bool mergeable = true)
        : doc_(doc)
        , path_(std::move(path))
        , before_(std::move(before))
        , after_(std::move(after))
        , mergeable_(mergeable) {
        setText(mergeable ? QObject::tr("Edit %1").arg(path_) : path_);
    }
    // In words: "CoreWeave 2025 price per GPU-hour 5.04 -> 4.5" (a merged run of edits keeps its
    // first value).
    void setWords(QString field, QString from, QString to) {
        field_ = std::move(field);
        from_ = std::move(from);
        to_ = std::move(to);
        setText(QObject::tr("%1 %2 -> %3").arg(field_, from_, to_));
    }
    // A scenario renamed by this command (from, to): the selection of it follows, both ways.
    void setRenamed(std::pair<std::string, std::string> renamed) { renamed_ = std::move(renamed); }
    // The scenarios applied to the portfolio before and after, when known: not applied again.
    void setApplied(PortfolioDocument::AppliedScenariosPtr before,
                    PortfolioDocument::AppliedScenariosPtr after) {
        appliedBefore_ = std::move(before);
        appliedAfter_ = std::move(after);
    }
    void redo() override { doc_->replacePortfolio(after_, renamed_, appliedAfter_); }
    void undo() override {
        doc_->replacePortfolio(
            before_, renamed_ ? std::optional(std::pair(renamed_->second, renamed_->first)) : std::nullopt,
            appliedBefore_);
    }
    int id() const override { return mergeable_ ? 1 : -1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* edit = static_cast<const EditCommand*>(other);
        if (edit->path_ != path_)
            return false;
        after_ = edit->after_;
        appliedAfter_ = edit->appliedAfter_;
        if (!field_.isEmpty() && !edit->field_.isEmpty())
            setWords(field_, from_, edit->to_);
        return true;
    }

private:
    PortfolioDocument* doc_;
    QString path_;
    Portfolio before_;
    Portfolio after_;
    bool mergeable_;
    QString field_, from_, to_;
    std::optional<std::pair<std::string, std::string>> renamed_;
    PortfolioDocument::AppliedScenariosPtr appliedBefore_, appliedAfter_;
};

std::string freeId(const Portfolio& p, const std::string& base) {
    return freeItemId(p, base);
}

// Sources are keyed by JSON path, so when items move their keys move with them: every key of
// list[j] with j >= from becomes list[j + delta]. A list may be inside an item ("contracts[0].options").
void shiftSources(Portfolio& p, const std::string& list, int from, int delta) {
    std::map<std::string, std::string> shifted;
    std::string literal; // a list inside an item ("contracts[0].options") matched as written
    for (const char ch : list) {
        if (std::strchr(".[]", ch))
            literal += '\\';
        literal += ch;
    }
    const std::regex re("^" + literal + R"(\[(\d+)\](.*)$)");
    for (const auto& [key, source] : p.sources) {
        std::smatch m;
        long index = -1;
        if (std::regex_match(key, m, re)) {
            const std::string digits = m[1].str();
            const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
            if (ec != std::errc() || index > 1'000'000)
                index = -1; // not an item index: the key stays as it is
        }
        if (index >= from)
            shifted[list + "[" + std::to_string(index + delta) + "]" + m[2].str()] = source;
        else
            shifted[key] = source;
    }
    p.sources = std::move(shifted);
}

// The sources of `path` and of everything under it.
void forgetSources(Portfolio& p, const QString& path) {
    const std::string at = path.toStdString();
    for (auto it = p.sources.begin(); it != p.sources.end();)
        it = it->first == at || it->first.rfind(at + "[", 0) == 0 || it->first.rfind(at + ".", 0) == 0
                 ? p.sources.erase(it)
                 : std::next(it);
}

// An input typed in the window comes from the user, not from the source the file cites for the value
// it replaces: the audit trail says so (docs/reports.md), and undo takes the mark back with the value.
// A name, an id or notes are labels, not inputs: they keep their sources. Sources of the parts of
// what was set (a tranche's GPUs under the tranches) go: they described the old points.
void markEnteredByUser(Portfolio& p, const QString& path) {
    const QString key = path.section('.', -1);
    if (key == "name" || key == "id" || key == "notes" || key == "provider")
        return;
    forgetSources(p, path);
    p.sources[path.toStdString()] = PortfolioDocument::enteredByUser(QDate::currentDate()).toStdString();
}

// "contracts[3]" -> {true, 3}; "fleets[0]" -> {false, 0}; {false, -1} otherwise.
std::pair<bool, int> parseItemPath(const QString& path) {
    static const QRegularExpression re(R"(^(contracts|fleets)\[(\d+)\]$)");
    const auto m = re.match(path);
    if (!m.hasMatch())
        return {false, -1};
    return {m.captured(1) == "contracts", m.captured(2).toInt()};
}

} // namespace

PortfolioDocument::PortfolioDocument(SkuCatalog catalog, QObject* parent)
    : QObject(parent)
    , catalog_(std::move(catalog)) {
    connect(&undo_, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

bool PortfolioDocument::open(const QString& path, QString* error) {
    auto load = data::loadPortfolioFile(path, catalog_);
    if (!load.ok()) {
        *error = load.error;
        return false;
    }
    EvaluationResult evaluation;
    try {
        evaluation = evaluatePortfolio(*load.portfolio, catalog_);
    } catch (const std::exception& e) {
        *error = path + ": cannot be evaluated: " + QString::fromUtf8(e.what());
        return false;
    }
    undo_.clear();
    portfolio_ = std::move(load.portfolio);
    simulationHash_ = data::simulationInputsHash(*portfolio_);
    evaluation_ = std::move(evaluation);
    ++revision_;
    applied_.reset();
    const bool wasShowingScenario = selected_.has_value();
    selected_.reset(); // another portfolio: its base case first
    shown_.reset();
    fingerprint_ = load.fingerprint;
    notices_ = load.notices;
    filePath_ = path;
    emit filePathChanged(filePath_);
    if (wasShowingScenario)
        emit scenarioSelectionChanged();
    emit evaluationChanged();
    return true;
}

bool PortfolioDocument::openBundledExample(QString* error) {
    return open(resources::examplePortfolioPath(), error);
}

Contract PortfolioDocument::starterContract(const Portfolio& p, const std::string& id) const {
    // Three years of 1,000 GPUs of the catalog's first SKU at its market price, from the valuation date.
    const Sku& sku = catalog_.bundled().front();
    Contract c;
    c.id = id;
    c.name = tr("New contract").toStdString();
    c.provider = tr("Provider").toStdString();
    c.sku = sku.id;
    c.start = p.valuationDate;
    c.end = addDays(addYears(p.valuationDate, 3), -1);
    c.tranches = {{c.start, 1000}};
    c.pricePerGpuHour = sku.marketPricePerGpuHour;
    return c;
}

void PortfolioDocument::newPortfolio() {
    const QDate next = QDate::currentDate().addMonths(1);
    Portfolio p;
    p.name = tr("Untitled portfolio").toStdString();
    p.valuationDate = Date(next.year(), next.month(), 1);
    p.assumptions.discountRate = 0.09;
    p.assumptions.taxRate = 0.21;
    p.contracts.push_back(starterContract(p, "contract"));
    undo_.clear();
    portfolio_ = std::move(p);
    applied_.reset();
    filePath_.clear();
    fingerprint_.clear();
    evaluate(selected_);
    emit filePathChanged(filePath_);
}

bool PortfolioDocument::save(QString* error) {
    if (isBundledExample() || filePath_.isEmpty()) {
        *error = tr("The bundled example has no file of its own: use Save As.");
        return false;
    }
    return saveAs(filePath_, error);
}

bool PortfolioDocument::saveAs(const QString& path, QString* error) {
    if (!portfolio_)
        return false;
    // Save As from one document to a new one takes the stored simulation runs along.
    const bool carryRuns = path != filePath_ && !QFileInfo::exists(path) && !filePath_.isEmpty() &&
                           !isBundledExample() && data::isSqliteFile(filePath_) &&
                           path.endsWith(".cledger", Qt::CaseInsensitive);
    // Saving over the file it was opened from checks that nobody saved it meanwhile; Save As to
    // another file is the user's explicit choice (the dialog asked before replacing it).
    QByteArray fingerprint = path == filePath_ ? fingerprint_ : QByteArray();
    if (!data::savePortfolioFile(*portfolio_, path, error, &fingerprint))
        return false;
    fingerprint_ = fingerprint;
    if (carryRuns) {
        QString ignored;
        for (const auto& run : data::listSimulationRuns(filePath_, &ignored))
            data::appendSimulationRun(path, run, &ignored);
    }
    if (path != filePath_) {
        filePath_ = path;
        emit filePathChanged(filePath_);
    }
    undo_.setClean();
    return true;
}

bool PortfolioDocument::writeCopy(const QString& path, QString* error) const {
    return portfolio_ && data::savePortfolioFile(*portfolio_, path, error);
}

SkuCatalog PortfolioDocument::bundledCatalog() {
    return data::bundledSkuCatalog();
}
std::vector<Deal> PortfolioDocument::dealLibrary() {
    return data::bundledDealLibrary();
}

void PortfolioDocument::markUnsavedFor(const QString& path) {
    filePath_ = path;
    fingerprint_.clear(); // the restored state replaces the file's, whatever it holds now
    undo_.resetClean();   // no state of the stack is the saved one
    emit filePathChanged(filePath_);
    emit modifiedChanged(true);
}

QString PortfolioDocument::enteredByUser(const QDate& day) {
    return tr("entered by the user on %1").arg(day.toString(Qt::ISODate));
}

bool PortfolioDocument::setValue(const QString& path, const QJsonValue& value, QString* error,
                                 const QString& mergeKey, const QString& words) {
    if (!portfolio_)
        return false;
    auto next = data::withValue(*portfolio_, path, value, catalog_, error);
    if (!next)
        return false;
    markEnteredByUser(*next, path);
    if (!scenariosApply(*next, error))
        return false;
    if (!words.isEmpty()) { // said in words of its own: one step each, never merged
        pushEdit(new EditCommand(this, words, *portfolio_, std::move(*next), false));
        return true;
    }
    auto* command =
        new EditCommand(this, mergeKey.isEmpty() ? path : mergeKey, *portfolio_, std::move(*next));
    if (const QString field = fieldInWords(*portfolio_, path); !field.isEmpty())
        command->setWords(field, valueInWords(this->value(path)), valueInWords(value));
    pushEdit(command);
    return true;
}

bool PortfolioDocument::importCsv(const QString& path, QString* error) {
    if (!portfolio_)
        return false;
    Portfolio next = *portfolio_;
    if (!data::importCsvFile(next, path, catalog_, error))
        return false;
    // As for items added by hand: with listed alternatives, each imported item gets its own.
    if (!giveNewItemsAlternatives(next, *portfolio_).empty()) {
        if (const auto invalid = validatePortfolio(next, catalog_)) {
            *error = QString::fromStdString(invalid->toString());
            return false;
        }
    }
    if (!scenariosApply(next, error))
        return false;
    pushEdit(new EditCommand(this, tr("Import %1").arg(QFileInfo(path).fileName()), *portfolio_,
                             std::move(next), false));
    return true;
}

bool PortfolioDocument::change(const QString& description, const std::function<void(Portfolio&)>& edit,
                               QString* error) {
    if (!portfolio_)
        return false;
    Portfolio next = *portfolio_;
    edit(next);
    if (const auto invalid = validatePortfolio(next, catalog_)) {
        *error = QString::fromStdString(invalid->toString());
        return false;
    }
    if (!scenariosApply(next, error))
        return false;
    pushEdit(new EditCommand(this, description, *portfolio_, std::move(next), false));
    return true;
}

bool PortfolioDocument::addContract(QString* error) {
    return change(
        tr("Add contract"),
        [this](Portfolio& p) {
            const Contract c = starterContract(p, freeId(p, "contract"));
            p.contracts.push_back(c);
            if (p.alternatives)
                p.alternatives->push_back({c.id, c.name, {c.id}});
        },
        error);
}

bool PortfolioDocument::addFleet(QString* error) {
    return change(
        tr("Add fleet"),
        [this](Portfolio& p) {
            Fleet f;
            f.id = freeId(p, "fleet");
            f.name = tr("New fleet").toStdString();
            f.sku = catalog_.bundled().front().id;
            f.gpus = 1000;
            f.inService = p.valuationDate;
            f.pue = 1.25;
            f.powerPricePerMwh = 70;
            f.powerEscalator = 0.02;
            f.bookDepreciation.method = DepreciationMethod::StraightLine;
            f.bookDepreciation.lifeYears = 5;
            f.taxDepreciation.method = DepreciationMethod::Macrs5;
            p.fleets.push_back(f);
            if (p.alternatives)
                p.alternatives->push_back({f.id, f.name, {f.id}});
        },
        error);
}

bool PortfolioDocument::addDeal(const Deal& deal, QString* error) {
    if (const Contract* already = contractFromDeal(portfolio(), deal.id)) {
        if (error)
            *error = QString::fromStdString(dealAlreadyInMessage(deal, *already));
        return false;
    }
    return change(
        tr("Add deal %1").arg(QString::fromStdString(deal.title)),
        [&](Portfolio& p) { addDealAsContract(p, deal, catalog_); }, error);
}

// "alternatives[2]" -> 2; -1 otherwise.
int parseAlternativePath(const QString& path) {
    static const QRegularExpression re(R"(^alternatives\[(\d+)\]$)");
    const auto m = re.match(path);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// The portfolio's alternatives, made explicit when it relies on the one-per-item default.
std::vector<Alternative>& explicitAlternatives(Portfolio& p) {
    if (!p.alternatives)
        p.alternatives = alternatives(p);
    return *p.alternatives;
}

bool PortfolioDocument::addAlternative(QString* error) {
    return change(
        tr("Add alternative"),
        [](Portfolio& p) {
            auto& alts = explicitAlternatives(p);
            const std::string first = p.contracts.empty() ? p.fleets.front().id : p.contracts.front().id;
            alts.push_back({freeId(p, "alternative"), tr("New alternative").toStdString(), {first}});
        },
        error);
}

bool PortfolioDocument::duplicateItem(const QString& path, QString* error) {
    if (const int a = parseAlternativePath(path); a >= 0) {
        return change(
            tr("Duplicate %1").arg(path),
            [a](Portfolio& p) {
                auto& alts = explicitAlternatives(p);
                if (std::size_t(a) >= alts.size())
                    return;
                Alternative copy = alts[a];
                copy.id = freeId(p, copy.id);
                copy.name += " (copy)";
                alts.insert(alts.begin() + a + 1, copy);
            },
            error);
    }
    const auto [contract, i] = parseItemPath(path);
    if (i < 0) {
        *error = path + ": not a contract or fleet";
        return false;
    }
    return change(
        tr("Duplicate %1").arg(path),
        [&, contract = contract, i = i](Portfolio& p) {
            auto copy = [&](auto& items) {
                if (std::size_t(i) >= items.size())
                    return;
                auto item = items[i];
                item.id = freeId(p, item.id);
                item.name += " (copy)";
                // Option ids are unique in the portfolio: the copy's options get ids of their own.
                if constexpr (std::is_same_v<std::decay_t<decltype(item)>, Contract>)
                    for (ContractOption& o : item.options)
                        o.id = freeOptionId(p, o.id);
                items.insert(items.begin() + i + 1, item);
                shiftSources(p, contract ? "contracts" : "fleets", i + 1, 1);
                if (p.alternatives)
                    p.alternatives->push_back({item.id, item.name, {item.id}});
            };
            if (contract)
                copy(p.contracts);
            else
                copy(p.fleets);
        },
        error);
}

bool PortfolioDocument::deleteItem(const QString& path, QString* error) {
    if (const int a = parseAlternativePath(path); a >= 0) {
        return change(
            tr("Delete %1").arg(path),
            [a](Portfolio& p) {
                auto& alts = explicitAlternatives(p);
                if (std::size_t(a) >= alts.size())
                    return;
                if (p.market.spotCovers && *p.market.spotCovers == alts[a].id)
                    p.market.spotCovers.reset();
                alts.erase(alts.begin() + a); // the last one cannot go: validation refuses it
            },
            error);
    }
    const auto [contract, i] = parseItemPath(path);
    if (i < 0) {
        *error = path + ": not a contract or fleet";
        return false;
    }
    return change(
        tr("Delete %1").arg(path),
        [&, contract = contract, i = i](Portfolio& p) {
            std::string id;
            if (contract && std::size_t(i) < p.contracts.size()) {
                id = p.contracts[i].id;
                p.contracts.erase(p.contracts.begin() + i);
            } else if (!contract && std::size_t(i) < p.fleets.size()) {
                id = p.fleets[i].id;
                p.fleets.erase(p.fleets.begin() + i);
            }
            // The item leaves every alternative; an alternative left empty goes too.
            if (p.alternatives) {
                for (auto& a : *p.alternatives)
                    a.items.erase(std::remove(a.items.begin(), a.items.end(), id), a.items.end());
                auto& alts = *p.alternatives;
                alts.erase(
                    std::remove_if(alts.begin(), alts.end(), [](const auto& a) { return a.items.empty(); }),
                    alts.end());
                if (alts.empty())
                    p.alternatives.reset();
                if (p.market.spotCovers &&
                    (!p.alternatives || std::none_of(alts.begin(), alts.end(), [&](const auto& a) {
                        return a.id == *p.market.spotCovers;
                    })))
                    p.market.spotCovers.reset();
            }
            // The deleted item's sources go; those of the items after it move up one place.
            const std::string list = contract ? "contracts" : "fleets";
            const std::string prefix = list + "[" + std::to_string(i) + "]";
            for (auto it = p.sources.begin(); it != p.sources.end();)
                it = it->first.rfind(prefix, 0) == 0 ? p.sources.erase(it) : std::next(it);
            shiftSources(p, list, i + 1, -1);
        },
        error);
}

namespace {

// "contracts[2].options[1]"
QString optionPathOf(std::size_t contract, std::size_t option) {
    return QString("contracts[%1].options[%2]").arg(contract).arg(option);
}

} // namespace

bool PortfolioDocument::addOption(std::size_t contract, QString* error) {
    if (!portfolio_ || contract >= portfolio_->contracts.size()) {
        *error = tr("contracts[%1]: no such contract").arg(contract);
        return false;
    }
    const Contract& c = portfolio_->contracts[contract];
    const ContractOption o = starterOption(*portfolio_, c, OptionKind::Extend);
    return change(
        tr("Add option %1 to %2").arg(QString::fromStdString(o.id), QString::fromStdString(c.name)),
        [&](Portfolio& p) { p.contracts[contract].options.push_back(o); }, error);
}

bool PortfolioDocument::removeOption(std::size_t contract, std::size_t option, QString* error) {
    if (!portfolio_ || contract >= portfolio_->contracts.size() ||
        option >= portfolio_->contracts[contract].options.size()) {
        *error = tr("%1: no such option").arg(optionPathOf(contract, option));
        return false;
    }
    const Contract& c = portfolio_->contracts[contract];
    return change(
        tr("Remove option %1 from %2")
            .arg(QString::fromStdString(c.options[option].id), QString::fromStdString(c.name)),
        [&](Portfolio& p) {
            auto& options = p.contracts[contract].options;
            options.erase(options.begin() + std::ptrdiff_t(option));
            // Its sources go; those of the options after it move up one place.
            forgetSources(p, optionPathOf(contract, option));
            shiftSources(p, QString("contracts[%1].options").arg(contract).toStdString(), int(option) + 1,
                         -1);
        },
        error);
}

bool PortfolioDocument::setOptionValue(std::size_t contract, std::size_t option, const QString& key,
                                       const QJsonValue& value, QString* error) {
    if (!portfolio_ || contract >= portfolio_->contracts.size() ||
        option >= portfolio_->contracts[contract].options.size()) {
        *error = tr("%1: no such option").arg(optionPathOf(contract, option));
        return false;
    }
    const QString path = optionPathOf(contract, option) + "." + key;
    if (value == this->value(path))
        return true; // as it is: nothing to undo
    const Contract& c = portfolio_->contracts[contract];
    const ContractOption& o = c.options[option];
    const QString words = optionEditInWords(o.id, key, value);
    const auto kind = key == "type" ? optionKindFromString(value.toString().toStdString()) : std::nullopt;
    if (!kind) // a field, or a type the file would refuse: the file's message
        return setValue(path, value, error, QString(), words);
    // Another kind: what it does not take goes and what it needs starts, in this one command.
    const ReshapedOption r = reshapeOption(o, *kind, c);
    std::vector<std::pair<std::string, QJsonValue>> filled;
    for (const std::string& k : r.filled)
        filled.push_back(
            {k, data::fieldToJson(findField(ledger::contractOptionFields(), k)->access.get(r.option))});
    const QString besides = optionReshapeInWords(r.cleared, filled);
    return change(
        besides.isEmpty() ? words : tr("%1: %2").arg(words, besides),
        [&](Portfolio& p) {
            p.contracts[contract].options[option] = r.option;
            markEnteredByUser(p, path);
        },
        error);
}

bool PortfolioDocument::setDemand(const Demand& demand, const QString& description, QString* error,
                                  const QString& enteredAt) {
    // A first demand takes over utilization's uncertainty (validation refuses both at once: the
    // curves are not used with a demand), and the undo text says so.
    const bool takesOver = portfolio_ && !portfolio_->demand &&
                           portfolio_->market.utilization.volatility > 0.0 &&
                           portfolio_->market.demand.volatility == 0.0;
    return change(
        takesOver ? tr("%1 (its uncertainty now the demand's, from utilization's)").arg(description)
                  : description,
        [&](Portfolio& p) {
            auto& m = p.market;
            if (takesOver) {
                m.demand = m.utilization;
                m.utilization.volatility = 0.0;
            }
            p.demand = demand;
            if (!enteredAt.isEmpty())
                markEnteredByUser(p, enteredAt);
        },
        error);
}

bool PortfolioDocument::removeDemand(QString* error) {
    if (!portfolio_ || !portfolio_->demand) {
        *error = tr("The portfolio has no demand to remove.");
        return false;
    }
    return change(
        tr("Remove demand"),
        [](Portfolio& p) {
            auto& m = p.market;
            if (m.demand.volatility > 0.0 && m.utilization.volatility == 0.0)
                m.utilization = m.demand;
            // Without a demand its uncertainty says nothing: back to the defaults, which are not
            // written, and its sources go with it, as an item's do.
            m.demand = MarketModel{}.demand;
            p.demand.reset();
            for (auto it = p.sources.begin(); it != p.sources.end();)
                it = it->first.rfind("demand", 0) == 0 || it->first.rfind("market.demand", 0) == 0
                         ? p.sources.erase(it)
                         : std::next(it);
        },
        error);
}

bool PortfolioDocument::setDemandUncertainty(const OuProcess& uncertainty, const QString& description,
                                             QString* error) {
    return change(
        description,
        [&](Portfolio& p) {
            p.market.demand = uncertainty;
            markEnteredByUser(p, "market.demand");
        },
        error);
}

bool PortfolioDocument::addDemandFromAlternative(std::size_t a, QString* error) {
    if (!portfolio_ || a >= evaluation_.alternatives.size())
        return false;
    Demand demand;
    try {
        demand = demandFromAlternative(*portfolio_, catalog_, evaluation_, a);
    } catch (const std::invalid_argument& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return setDemand(
        demand,
        tr("Add demand: %1's used hours").arg(QString::fromStdString(evaluation_.alternatives[a].name)),
        error);
}

std::vector<Sku> PortfolioDocument::usableSkus() const {
    std::vector<Sku> out = portfolio_ ? portfolio_->skus : std::vector<Sku>();
    for (const Sku& s : catalog_.bundled())
        if (std::none_of(out.begin(), out.end(), [&](const Sku& own) { return own.id == s.id; }))
            out.push_back(s);
    return out;
}

namespace {

// A curve's path: "utilization", "demand.curve", "market.gpu_price.forward_curve", or an item's
// ("contracts[0].tranches").
struct CurvePath {
    enum Kind { Portfolio, Demand, ItemUtilization, Tranches, Forward } kind = Portfolio;
    bool contract = false;
    std::size_t index = 0;
};
std::optional<CurvePath> curvePath(const Portfolio& p, const QString& path) {
    if (path == "utilization")
        return CurvePath{};
    if (path == "demand.curve")
        return p.demand ? std::optional(CurvePath{CurvePath::Demand}) : std::nullopt;
    if (path == kForwardCurvePath)
        return CurvePath{CurvePath::Forward};
    static const QRegularExpression re(R"(^(contracts|fleets)\[(\d+)\]\.(utilization|tranches)$)");
    const auto m = re.match(path);
    if (!m.hasMatch())
        return std::nullopt;
    CurvePath c;
    c.contract = m.captured(1) == "contracts";
    c.index = m.captured(2).toULongLong();
    c.kind = m.captured(3) == "tranches" ? CurvePath::Tranches : CurvePath::ItemUtilization;
    if (c.index >= (c.contract ? p.contracts.size() : p.fleets.size()) ||
        (c.kind == CurvePath::Tranches && !c.contract))
        return std::nullopt;
    return c;
}

template <class Point> std::vector<DatedValue> datedValues(const std::vector<Point>& points) {
    std::vector<DatedValue> out;
    for (const auto& point : points) {
        if constexpr (std::is_same_v<Point, UtilizationPoint>)
            out.push_back({point.date, point.value});
        else if constexpr (std::is_same_v<Point, ForwardPoint>)
            out.push_back({point.date, point.price});
        else
            out.push_back({point.date, point.gpus});
    }
    return out;
}
template <class Point> std::vector<Point> pointsOf(const std::vector<DatedValue>& values) {
    std::vector<Point> out;
    for (const auto& v : values)
        out.push_back({v.date, v.value});
    return out;
}

} // namespace

std::optional<std::vector<DatedValue>> PortfolioDocument::curve(const QString& path) const {
    if (!portfolio_)
        return std::nullopt;
    const auto c = curvePath(*portfolio_, path);
    if (!c)
        return std::nullopt;
    const Portfolio& p = *portfolio_;
    switch (c->kind) {
    case CurvePath::Portfolio:
        return datedValues(p.utilization);
    case CurvePath::Demand:
        return datedValues(p.demand->curve);
    case CurvePath::Tranches:
        return datedValues(p.contracts[c->index].tranches);
    case CurvePath::Forward: {
        const auto& curve = p.market.gpuPrice.forwardCurve;
        return curve ? datedValues(curve->points) : std::vector<DatedValue>();
    }
    case CurvePath::ItemUtilization: {
        const auto& own = c->contract ? p.contracts[c->index].utilization : p.fleets[c->index].utilization;
        return own ? datedValues(*own) : std::vector<DatedValue>();
    }
    }
    return std::nullopt;
}

bool PortfolioDocument::setCurve(const QString& path, const std::vector<DatedValue>& points,
                                 const QString& description, QString* error) {
    const auto c = portfolio_ ? curvePath(*portfolio_, path) : std::nullopt;
    if (!c) {
        *error = tr("%1: not a curve of this portfolio").arg(path);
        return false;
    }
    if (c->kind == CurvePath::Demand) {
        Demand next = *portfolio_->demand;
        next.curve = pointsOf<DemandPoint>(points);
        return setDemand(next, description, error, path);
    }
    return change(
        description,
        [&](Portfolio& p) {
            markEnteredByUser(p, path);
            switch (c->kind) {
            case CurvePath::Portfolio:
                p.utilization = pointsOf<UtilizationPoint>(points);
                break;
            case CurvePath::Tranches:
                p.contracts[c->index].tranches = pointsOf<Tranche>(points);
                break;
            case CurvePath::ItemUtilization: {
                auto& own = c->contract ? p.contracts[c->index].utilization : p.fleets[c->index].utilization;
                // No points of its own: the item follows the portfolio's curve (MODEL.md 2).
                if (points.empty())
                    own.reset();
                else
                    own = pointsOf<UtilizationPoint>(points);
                break;
            }
            case CurvePath::Forward: {
                // No points: no curve, the trend applies again (docs/model.md 12.2).
                auto& curve = p.market.gpuPrice.forwardCurve;
                if (points.empty())
                    curve.reset();
                else if (curve)
                    curve->points = pointsOf<ForwardPoint>(points);
                else
                    curve = ForwardCurve{std::nullopt, pointsOf<ForwardPoint>(points)};
                break;
            }
            case CurvePath::Demand:
                break;
            }
        },
        error);
}

const Sku* PortfolioDocument::sku(const QString& skuId) const {
    return portfolio_ ? catalog_.find(*portfolio_, skuId.toStdString()) : nullptr;
}

QJsonValue PortfolioDocument::skuValue(const QString& skuId, const QString& key) const {
    const Sku* s = sku(skuId);
    if (!s)
        return QJsonValue(QJsonValue::Undefined);
    // As a one-SKU portfolio holds it: the path reader is the one every field goes through.
    Portfolio one;
    one.skus.push_back(*s);
    return data::valueAt(one, "skus[0]." + key);
}

bool PortfolioDocument::skuIsOwn(const QString& skuId) const {
    return portfolio_ && std::any_of(portfolio_->skus.begin(), portfolio_->skus.end(),
                                     [&](const Sku& s) { return s.id == skuId.toStdString(); });
}

std::vector<std::string> PortfolioDocument::usedSkuIds() const {
    return portfolio_ ? ledger::usedSkuIds(*portfolio_) : std::vector<std::string>();
}

bool PortfolioDocument::setSkuValue(const QString& skuId, const QString& key, const QJsonValue& value,
                                    QString* error) {
    const Sku* s = sku(skuId);
    if (!s) {
        *error = tr("no SKU \"%1\"").arg(skuId);
        return false;
    }
    Portfolio base = *portfolio_;
    if (!skuIsOwn(skuId))
        base.skus.push_back(*s); // shadows the bundled one with the same figures (MODEL.md 2)
    const auto own = std::find_if(base.skus.begin(), base.skus.end(),
                                  [&](const Sku& x) { return x.id == skuId.toStdString(); });
    const QString path = QString("skus[%1].%2").arg(own - base.skus.begin()).arg(key);
    auto next = data::withValue(base, path, value, catalog_, error);
    if (!next)
        return false;
    markEnteredByUser(*next, path);
    if (!scenariosApply(*next, error))
        return false;
    auto* command = new EditCommand(this, "skus." + skuId + "." + key, *portfolio_, std::move(*next));
    if (const QString field = fieldInWords(base, path); !field.isEmpty())
        command->setWords(field, valueInWords(data::valueAt(base, path)), valueInWords(value));
    pushEdit(command);
    return true;
}

bool PortfolioDocument::setNextGenerationModelled(bool modelled, QString* error) {
    if (!portfolio_ || portfolio_->market.nextGeneration.has_value() == modelled)
        return false;
    return change(
        modelled ? tr("Add a next-generation launch") : tr("Remove the next-generation launch"),
        [](Portfolio& p) {
            if (!p.market.nextGeneration.has_value()) {
                const Date t0 = p.valuationDate;
                p.market.nextGeneration =
                    NextGeneration{addYears(t0, 1), addMonths(t0, 18), addMonths(t0, 30), 0.2, 0.4};
                markEnteredByUser(p, "market.next_generation");
            } else {
                p.market.nextGeneration.reset();
                forgetSources(p, "market.next_generation");
            }
        },
        error);
}

bool PortfolioDocument::setCorrelation(int i, int j, double value, QString* error) {
    if (!portfolio_ || i < 0 || j < 0 || i > 2 || j > 2)
        return false;
    static const char* names[] = {QT_TR_NOOP("GPU price"), QT_TR_NOOP("utilization or demand"),
                                  QT_TR_NOOP("power price")};
    const double before = portfolio_->market.correlation[i][j];
    return change(
        tr("Correlation of %1 and %2 %3 -> %4")
            .arg(tr(names[i]), tr(names[j]), valueInWords(before), valueInWords(value)),
        [&](Portfolio& p) {
            p.market.correlation[i][j] = value;
            p.market.correlation[j][i] = value;
            markEnteredByUser(p, QString("market.correlation[%1][%2]").arg(i).arg(j));
            markEnteredByUser(p, QString("market.correlation[%1][%2]").arg(j).arg(i));
        },
        error);
}

bool PortfolioDocument::setGpuPriceFit(const OuParameters& fitted, const QString& description,
                                       const QString& source, QString* error) {
    return change(
        description,
        [&](Portfolio& p) {
            // The fields before the fit: the trend is one of them unless a forward curve stays.
            for (const std::string& path : ouFitFields(p.market.gpuPrice)) {
                forgetSources(p, QString::fromStdString(path));
                p.sources[path] = source.toStdString();
            }
            applyOuFit(p.market.gpuPrice, fitted);
        },
        error);
}

bool PortfolioDocument::setValues(const QList<QPair<QString, QJsonValue>>& values, const QString& description,
                                  QString* error) {
    if (!portfolio_ || values.isEmpty())
        return false;
    std::vector<std::pair<QString, QJsonValue>> list;
    for (const auto& [path, value] : values)
        list.emplace_back(path, value);
    auto next = data::withValues(*portfolio_, list, catalog_, error);
    if (!next)
        return false;
    for (const auto& [path, value] : list)
        markEnteredByUser(*next, path);
    if (!scenariosApply(*next, error))
        return false;
    pushEdit(new EditCommand(this, description, *portfolio_, std::move(*next), false));
    return true;
}

Sensitivity PortfolioDocument::sensitivity(std::size_t a, std::size_t b) const {
    return portfolio_ ? npvDifferenceSensitivity(shownPortfolio(), catalog_, a, b) : Sensitivity{};
}

ReverseStress PortfolioDocument::reverseStress(std::size_t winner, std::size_t runnerUp) const {
    return portfolio_ ? ledger::reverseStress(*portfolio_, catalog_, winner, runnerUp) : ReverseStress{};
}

QJsonValue PortfolioDocument::value(const QString& path) const {
    return portfolio_ ? data::valueAt(*portfolio_, path) : QJsonValue();
}

void PortfolioDocument::replacePortfolio(const Portfolio& p,
                                         const std::optional<std::pair<std::string, std::string>>& renamed,
                                         AppliedScenariosPtr applied) {
    const std::optional<std::string> shown = selected_;
    portfolio_ = p;
    applied_ = std::move(applied); // none: applied again when first asked
    if (renamed && selected_ == renamed->first)
        selected_ = renamed->second;
    evaluate(shown);
}

void PortfolioDocument::evaluate(const std::optional<std::string>& shownBefore) {
    ++revision_;
    // Once per change, not per question: the Overview and the Monte Carlo panel ask it on every redraw.
    simulationHash_ = data::simulationInputsHash(*portfolio_);
    try {
        evaluation_ = evaluatePortfolio(*portfolio_, catalog_);
    } catch (const std::exception&) {
        // A validated portfolio evaluates; keep the last numbers rather than show half of them.
        return;
    }
    evaluateShown();
    if (selected_ != shownBefore) // renamed, deleted or gone with an undo
        emit scenarioSelectionChanged();
    emit evaluationChanged();
}

void PortfolioDocument::evaluateShown() {
    shown_.reset();
    const Scenario* s = selected_ ? data::findScenario(*portfolio_, *selected_) : nullptr;
    if (!s) {
        selected_.reset(); // deleted, or its addition undone: the base case is shown
        return;
    }
    std::optional<Portfolio> applied;
    const auto& all = appliedScenarios();
    const std::size_t at = std::size_t(s - portfolio_->scenarios.data());
    if (at < all.size())
        applied = all[at];
    if (!applied) { // every edit keeps the scenarios applying; a scenario that does not shows nothing
        selected_.reset();
        return;
    }
    try {
        shownEvaluation_ = evaluatePortfolio(*applied, catalog_);
    } catch (const std::exception&) {
        selected_.reset();
        return;
    }
    shownHash_ = data::simulationInputsHash(*applied);
    shown_ = std::move(applied);
}

bool PortfolioDocument::selectScenario(const std::optional<std::string>& name) {
    if (!portfolio_ || (name && !data::findScenario(*portfolio_, *name)))
        return false;
    if (name == selected_)
        return true;
    selected_ = name;
    evaluateShown();
    emit scenarioSelectionChanged();
    emit evaluationChanged();
    return true;
}

QString PortfolioDocument::applyScenarios(const Portfolio& p, AppliedScenariosPtr* applied) const {
    QString error;
    auto all = data::withEveryScenario(p, catalog_, &error);
    if (!all)
        return error;
    *applied = std::make_shared<const AppliedScenarios>(std::move(*all));
    return {};
}

const PortfolioDocument::AppliedScenarios& PortfolioDocument::appliedScenarios() const {
    static const AppliedScenarios none;
    if (!portfolio_)
        return none;
    if (!applied_ && !applyScenarios(*portfolio_, &applied_).isEmpty())
        applied_ = std::make_shared<AppliedScenarios>(); // cannot happen: every edit keeps them applying
    return *applied_;
}

bool PortfolioDocument::scenariosApply(const Portfolio& next, QString* error) {
    const QString problem = applyScenarios(next, &pending_);
    if (problem.isEmpty())
        return true;
    *error = tr("The base case would no longer fit a scenario: %1").arg(problem);
    return false;
}

void PortfolioDocument::pushEdit(QUndoCommand* command) {
    // The scenarios applied before (when known) and after (scenariosApply's): undo and redo reuse them.
    static_cast<EditCommand*>(command)->setApplied(applied_, std::exchange(pending_, nullptr));
    undo_.push(command);
}

namespace {

// A name no scenario of p has: `base`, else "base (2)", "base (3)", ...
std::string freeScenarioName(const Portfolio& p, const std::string& base) {
    if (!data::findScenario(p, base))
        return base;
    for (int n = 2;; ++n) {
        const std::string name = base + " (" + std::to_string(n) + ")";
        if (!data::findScenario(p, name))
            return name;
    }
}

Scenario* scenarioNamed(Portfolio& p, const std::string& name) {
    for (Scenario& s : p.scenarios)
        if (s.name == name)
            return &s;
    return nullptr;
}

QString qtext(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

bool PortfolioDocument::pushScenarios(const QString& description, const Portfolio& next, QString* error,
                                      const std::optional<std::pair<std::string, std::string>>& renamed) {
    // Only the scenarios changed: the base case is as valid as before, but every scenario must apply
    // (the file's reader refuses one that does not), with the message its file would get.
    if (const QString problem = applyScenarios(next, &pending_); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    auto* command = new EditCommand(this, description, *portfolio_, next, false);
    if (renamed)
        command->setRenamed(*renamed);
    pushEdit(command);
    return true;
}

bool PortfolioDocument::addScenario(QString* error) {
    if (!portfolio_)
        return false;
    Scenario s;
    for (int n = 1; s.name.empty() || data::findScenario(*portfolio_, s.name); ++n)
        s.name = tr("Scenario %1").arg(n).toStdString();
    return addScenario(s, tr("Add scenario %1").arg(qtext(s.name)), error);
}

bool PortfolioDocument::addScenario(const Scenario& s, const QString& description, QString* error) {
    if (!portfolio_)
        return false;
    if (QString::fromStdString(s.name).trimmed().isEmpty()) {
        *error = tr("A scenario needs a name.");
        return false;
    }
    if (data::findScenario(*portfolio_, s.name)) {
        *error = tr("\"%1\" names a scenario already; give each its own name.").arg(qtext(s.name));
        return false;
    }
    Portfolio next = *portfolio_;
    Scenario added = s;
    for (auto& o : added.overrides)
        o.valueJson = data::compactJsonValue(o.valueJson).value_or(o.valueJson);
    next.scenarios.push_back(std::move(added));
    return pushScenarios(description, next, error);
}

std::string PortfolioDocument::unusedScenarioName(const std::string& base) const {
    return portfolio_ ? freeScenarioName(*portfolio_, base) : base;
}

bool PortfolioDocument::addStressScenario(data::StressKind kind, QString* error, std::string* added) {
    if (!portfolio_)
        return false;
    auto s = data::stressScenario(*portfolio_, kind, catalog_, error);
    if (!s)
        return false;
    s->name = freeScenarioName(*portfolio_, s->name);
    if (!addScenario(*s, tr("Add scenario %1").arg(qtext(s->name)), error))
        return false;
    if (added)
        *added = s->name;
    return true;
}

bool PortfolioDocument::duplicateScenario(const std::string& name, QString* error, std::string* added) {
    if (!portfolio_)
        return false;
    const auto at = std::find_if(portfolio_->scenarios.begin(), portfolio_->scenarios.end(),
                                 [&](const Scenario& s) { return s.name == name; });
    if (at == portfolio_->scenarios.end()) {
        *error = tr("No scenario \"%1\".").arg(qtext(name));
        return false;
    }
    Scenario copy = *at;
    copy.name = freeScenarioName(*portfolio_, name + tr(" (copy)").toStdString());
    Portfolio next = *portfolio_;
    next.scenarios.insert(next.scenarios.begin() + (at - portfolio_->scenarios.begin()) + 1, copy);
    if (!pushScenarios(tr("Duplicate scenario %1").arg(qtext(name)), next, error))
        return false;
    if (added)
        *added = copy.name;
    return true;
}

bool PortfolioDocument::deleteScenario(const std::string& name, QString* error) {
    if (!portfolio_ || !data::findScenario(*portfolio_, name)) {
        *error = tr("No scenario \"%1\".").arg(qtext(name));
        return false;
    }
    Portfolio next = *portfolio_;
    std::erase_if(next.scenarios, [&](const Scenario& s) { return s.name == name; });
    return pushScenarios(tr("Delete scenario %1").arg(qtext(name)), next, error);
}

bool PortfolioDocument::changeScenario(const std::string& name, const QString& description,
                                       const std::function<void(Scenario&)>& edit, QString* error,
                                       const std::optional<std::pair<std::string, std::string>>& renamed) {
    if (!portfolio_)
        return false;
    Portfolio next = *portfolio_;
    Scenario* s = scenarioNamed(next, name);
    if (!s) {
        *error = tr("No scenario \"%1\".").arg(qtext(name));
        return false;
    }
    const Scenario before = *s;
    edit(*s);
    if (*s == before)
        return true; // nothing changed: no undo step
    return pushScenarios(description, next, error, renamed);
}

bool PortfolioDocument::renameScenario(const std::string& from, const std::string& to, QString* error) {
    const std::string name = QString::fromStdString(to).trimmed().toStdString();
    if (name.empty()) {
        *error = tr("A scenario needs a name.");
        return false;
    }
    if (name != from && portfolio_ && data::findScenario(*portfolio_, name)) {
        *error = tr("\"%1\" names a scenario already; give each its own name.").arg(qtext(name));
        return false;
    }
    return changeScenario(
        from, tr("Rename scenario %1 -> %2").arg(qtext(from), qtext(name)),
        [&](Scenario& s) { s.name = name; }, error, std::pair(from, name));
}

bool PortfolioDocument::setScenarioDescription(const std::string& name, const std::string& description,
                                               QString* error) {
    return changeScenario(
        name, tr("Describe scenario %1").arg(qtext(name)), [&](Scenario& s) { s.description = description; },
        error);
}

bool PortfolioDocument::setScenarioSource(const std::string& name, const std::string& source,
                                          QString* error) {
    return changeScenario(
        name, tr("Source of scenario %1").arg(qtext(name)), [&](Scenario& s) { s.source = source; }, error);
}

namespace {

ScenarioOverride compacted(const ScenarioOverride& o) {
    return {QString::fromStdString(o.path).trimmed().toStdString(),
            data::compactJsonValue(o.valueJson).value_or(o.valueJson)};
}

} // namespace

bool PortfolioDocument::addOverride(const std::string& name, const ScenarioOverride& o, QString* error) {
    const ScenarioOverride c = compacted(o);
    return changeScenario(
        name, tr("Scenario %1: set %2 to %3").arg(qtext(name), qtext(c.path), qtext(c.valueJson)),
        [&](Scenario& s) { s.overrides.push_back(c); }, error);
}

bool PortfolioDocument::setOverride(const std::string& name, std::size_t row, const ScenarioOverride& o,
                                    QString* error) {
    const Scenario* s = portfolio_ ? data::findScenario(*portfolio_, name) : nullptr;
    if (!s || row >= s->overrides.size()) {
        *error = tr("Scenario \"%1\" has no override %2.").arg(qtext(name)).arg(row + 1);
        return false;
    }
    const ScenarioOverride before = s->overrides[row];
    const ScenarioOverride c = compacted(o);
    const QString words =
        c.path == before.path
            ? tr("Scenario %1: %2 %3 -> %4")
                  .arg(qtext(name), qtext(c.path), qtext(before.valueJson), qtext(c.valueJson))
            : tr("Scenario %1: %2 -> %3 = %4")
                  .arg(qtext(name), qtext(before.path), qtext(c.path), qtext(c.valueJson));
    return changeScenario(
        name, words, [&](Scenario& x) { x.overrides[row] = c; }, error);
}

bool PortfolioDocument::removeOverride(const std::string& name, std::size_t row, QString* error) {
    const Scenario* s = portfolio_ ? data::findScenario(*portfolio_, name) : nullptr;
    if (!s || row >= s->overrides.size()) {
        *error = tr("Scenario \"%1\" has no override %2.").arg(qtext(name)).arg(row + 1);
        return false;
    }
    return changeScenario(
        name, tr("Scenario %1: remove %2").arg(qtext(name), qtext(s->overrides[row].path)),
        [&](Scenario& x) { x.overrides.erase(x.overrides.begin() + long(row)); }, error);
}

QString PortfolioDocument::displayName() const {
    if (filePath_.isEmpty())
        return tr("%1 (no file yet)")
            .arg(QString::fromStdString(portfolio_ ? portfolio_->name : std::string()));
    if (isBundledExample())
        return tr("Example: %1").arg(QString::fromStdString(portfolio_ ? portfolio_->name : std::string()));
    return QFileInfo(filePath_).fileName();
}

QString PortfolioDocument::inputsHash() const {
    if (!portfolio_)
        return {};
    return shown_ ? shownHash_ : simulationHash_;
}

QString PortfolioDocument::baseInputsHash() const {
    return portfolio_ ? simulationHash_ : QString();
}

bool PortfolioDocument::setSensitivityRanges(const std::map<std::string, SensitivityRange>& ranges,
                                             const QString& description, QString* error) {
    if (!portfolio_)
        return false;
    if (ranges == portfolio_->sensitivity)
        return true;
    return change(
        description, [&ranges](Portfolio& p) { p.sensitivity = ranges; }, error);
}

} // namespace ledger::models
