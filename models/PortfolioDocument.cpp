#include "PortfolioDocument.h"

#include "BundledResources.h"
#include "CledgerDocument.h"
#include "PortfolioCsv.h"
#include "PortfolioEdit.h"
#include "engine/DeterministicEngine.h"

#include <QFileInfo>
#include <QUndoCommand>

namespace ledger::models {

namespace {

// One field edit: the whole portfolio before and after (small, and exact to restore).
class EditCommand : public QUndoCommand {
public:
    EditCommand(PortfolioDocument* doc, QString path, Portfolio before, Portfolio after)
        : doc_(doc)
        , path_(std::move(path))
        , before_(std::move(before))
        , after_(std::move(after)) {
        setText(QObject::tr("Edit %1").arg(path_));
    }
    void redo() override { doc_->replacePortfolio(after_); }
    void undo() override { doc_->replacePortfolio(before_); }
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* edit = static_cast<const EditCommand*>(other);
        if (edit->path_ != path_)
            return false;
        after_ = edit->after_;
        return true;
    }

private:
    PortfolioDocument* doc_;
    QString path_;
    Portfolio before_;
    Portfolio after_;
};

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
    evaluation_ = std::move(evaluation);
    filePath_ = path;
    emit filePathChanged(filePath_);
    emit evaluationChanged();
    return true;
}

bool PortfolioDocument::openBundledExample(QString* error) {
    return open(resources::examplePortfolioPath(), error);
}

bool PortfolioDocument::save(QString* error) {
    if (isBundledExample() || filePath_.isEmpty()) {
        *error = tr("The bundled example has no file of its own: use Save As.");
        return false;
    }
    return saveAs(filePath_, error);
}

bool PortfolioDocument::saveAs(const QString& path, QString* error) {
    if (!portfolio_ || !data::savePortfolioFile(*portfolio_, path, error))
        return false;
    if (path != filePath_) {
        filePath_ = path;
        emit filePathChanged(filePath_);
    }
    undo_.setClean();
    return true;
}

bool PortfolioDocument::setValue(const QString& path, const QJsonValue& value, QString* error) {
    if (!portfolio_)
        return false;
    auto next = data::withValue(*portfolio_, path, value, catalog_, error);
    if (!next)
        return false;
    undo_.push(new EditCommand(this, path, *portfolio_, std::move(*next)));
    return true;
}

bool PortfolioDocument::importCsv(const QString& path, QString* error) {
    if (!portfolio_)
        return false;
    Portfolio next = *portfolio_;
    if (!data::importCsvFile(next, path, catalog_, error))
        return false;
    // A path no field has, so an import never merges with a field edit.
    undo_.push(new EditCommand(this, "import " + QFileInfo(path).fileName(), *portfolio_, std::move(next)));
    return true;
}

QJsonValue PortfolioDocument::value(const QString& path) const {
    return portfolio_ ? data::valueAt(*portfolio_, path) : QJsonValue();
}

void PortfolioDocument::replacePortfolio(const Portfolio& p) {
    portfolio_ = p;
    evaluate();
}

void PortfolioDocument::evaluate() {
    try {
        evaluation_ = evaluatePortfolio(*portfolio_, catalog_);
    } catch (const std::exception&) {
        // A validated portfolio evaluates; keep the last numbers rather than show half of them.
        return;
    }
    emit evaluationChanged();
}

QString PortfolioDocument::displayName() const {
    if (isBundledExample())
        return tr("Example: %1").arg(QString::fromStdString(portfolio_ ? portfolio_->name : std::string()));
    return QFileInfo(filePath_).fileName();
}

QString PortfolioDocument::inputsHash() const {
    return portfolio_ ? data::portfolioInputsHash(*portfolio_) : QString();
}

} // namespace ledger::models
