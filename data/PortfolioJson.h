#pragma once
// The JSON interchange format of MODEL.md section 2 ("computeledger-portfolio", version 1):
// strict reading (unknown keys, wrong types, impossible dates and semantic problems are errors
// naming the JSON path) and exact writing (doubles in shortest round-trip form).
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace ledger::data {

struct PortfolioLoad {
    std::optional<Portfolio> portfolio;
    QString error; // "<file>: <json path>: <problem>" when portfolio is empty
    // The state read (a hash of the file's bytes, or of a document's numbers): a save given it
    // refuses to overwrite a file another program has saved since (CledgerDocument.h).
    QByteArray fingerprint;
    // What the load did besides reading, for the user to know (leftovers of a killed save removed).
    QStringList notices;
    bool ok() const { return portfolio.has_value(); }
};

// Parses and validates. displayName prefixes every message (usually the path the user gave).
PortfolioLoad readPortfolioJson(const QByteArray& bytes, const QString& displayName,
                                const SkuCatalog& catalog);
PortfolioLoad loadPortfolioJsonFile(const QString& path, const SkuCatalog& catalog);
// The same of an object a program built (a scenario applied, data/Scenarios.h): read and validated
// with the same messages; the checks of the text itself (syntax, duplicate keys, raw control
// characters) have nothing to look at.
PortfolioLoad readPortfolioJsonObject(const QJsonObject& root, const QString& displayName,
                                      const SkuCatalog& catalog);

QByteArray writePortfolioJson(const Portfolio& p);

// "<path>: no such file" / "<path>: is a directory, not a portfolio file", or empty when the path
// names a file a loader can try.
QString portfolioFileProblem(const QString& path);

// One SKU object (portfolio "skus" entries and the bundled catalog share the shape). Throws
// JsonPathError (JsonObjectReader.h) on a problem.
Sku readSkuJson(const QJsonValue& v, const std::string& path);

// The "alternatives" list (an array of {id, name, items}). Throws JsonPathError on a problem.
std::vector<Alternative> readAlternativesJson(const QJsonValue& v);

} // namespace ledger::data
