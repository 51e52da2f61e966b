#include "SkuCatalogJson.h"

#include "JsonObjectReader.h"
#include "PortfolioJson.h"

#include "BundledResources.h"

#include <QFile>
#include <QJsonDocument>

#include <stdexcept>

namespace ledger::data {

SkuCatalog readSkuCatalogJson(const QByteArray& bytes, const QString& displayName, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = displayName + ": JSON syntax error: " + parseError.errorString();
        return {};
    }
    try {
        JsonObjectReader r(doc.object(), "", {"format", "version", "skus"});
        if (r.string("format") != "computeledger-sku-catalog")
            JsonObjectReader::fail("format", "is not \"computeledger-sku-catalog\"");
        if (r.integer("version", 1, 1) != 1)
            JsonObjectReader::fail("version", "unsupported");
        std::vector<Sku> skus;
        const auto list = r.array("skus");
        for (qsizetype i = 0; i < list.size(); ++i)
            skus.push_back(readSkuJson(list[i], "skus[" + std::to_string(i) + "]"));
        return SkuCatalog(std::move(skus));
    } catch (const JsonPathError& e) {
        *error = displayName + ": " + QString::fromStdString(e.path + ": " + e.message);
        return {};
    }
}

SkuCatalog bundledSkuCatalog() {
    QFile file(resources::skuCatalogPath());
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("the bundled GPU catalog is missing from the build");
    QString error;
    SkuCatalog catalog = readSkuCatalogJson(file.readAll(), file.fileName(), &error);
    if (!error.isEmpty())
        throw std::runtime_error(error.toStdString());
    return catalog;
}

} // namespace ledger::data
