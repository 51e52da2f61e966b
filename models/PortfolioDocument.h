#pragma once
// The live document: the portfolio being worked on, where it came from, and its evaluation.
// Widgets read it and will edit it only through undoable commands (issue 5); they never compute.
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QObject>
#include <QString>

#include <optional>

namespace ledger::models {

class PortfolioDocument : public QObject {
    Q_OBJECT
public:
    explicit PortfolioDocument(SkuCatalog catalog, QObject* parent = nullptr);

    // Loads and evaluates; on a problem keeps the current state and sets *error to the one-line message.
    bool open(const QString& path, QString* error);
    bool openBundledExample(QString* error);

    bool hasPortfolio() const { return portfolio_.has_value(); }
    const Portfolio& portfolio() const { return *portfolio_; }
    const EvaluationResult& evaluation() const { return evaluation_; }
    const QString& filePath() const { return filePath_; }
    QString displayName() const;

signals:
    void evaluationChanged();

private:
    SkuCatalog catalog_;
    std::optional<Portfolio> portfolio_;
    EvaluationResult evaluation_;
    QString filePath_;
};

} // namespace ledger::models
