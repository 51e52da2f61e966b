#pragma once
// The bundled GPU catalog (resources/catalog/skus.json): SKUs any portfolio can name by id.
#include "portfolio/SkuCatalog.h"

#include <QByteArray>
#include <QString>

namespace ledger::data {

// Parses a catalog ({"format": "computeledger-sku-catalog", "version": 1, "skus": [...]}, each SKU
// with the keys of a portfolio's "skus"). On a problem returns an empty catalog and sets *error.
SkuCatalog readSkuCatalogJson(const QByteArray& bytes, const QString& displayName, QString* error);

// The catalog compiled into the app. A broken bundled file is a build defect: it throws.
SkuCatalog bundledSkuCatalog();

} // namespace ledger::data
