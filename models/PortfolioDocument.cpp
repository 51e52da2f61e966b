#include "PortfolioDocument.h"

#include "BundledResources.h"
#include "CledgerDocument.h"
#include "engine/DeterministicEngine.h"

#include <QFileInfo>

namespace ledger::models {

PortfolioDocument::PortfolioDocument(SkuCatalog catalog, QObject* parent)
    : QObject(parent)
    , catalog_(std::move(catalog)) {}

bool PortfolioDocument::open(const QString& path, QString* error) {
    auto load = data::loadPortfolioFile(path, catalog_);
    if (!load.ok()) {
        *error = load.error;
        return false;
    }
    try {
        evaluation_ = evaluatePortfolio(*load.portfolio, catalog_);
    } catch (const std::exception& e) {
        *error = path + ": cannot be evaluated: " + QString::fromUtf8(e.what());
        return false;
    }
    portfolio_ = std::move(load.portfolio);
    filePath_ = path;
    emit evaluationChanged();
    return true;
}

bool PortfolioDocument::openBundledExample(QString* error) {
    return open(resources::examplePortfolioPath(), error);
}

QString PortfolioDocument::displayName() const {
    if (filePath_.startsWith(':'))
        return tr("Example: %1").arg(QString::fromStdString(portfolio_ ? portfolio_->name : std::string()));
    return QFileInfo(filePath_).fileName();
}

} // namespace ledger::models
