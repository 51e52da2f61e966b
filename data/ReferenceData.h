#pragma once
// The bundled reference data (resources/): the GPU catalog with a source and date for every figure,
// and the library of public compute deals.
#include "portfolio/Deal.h"
#include "portfolio/SkuCatalog.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <string>
#include <vector>

namespace ledger::data {

struct FigureSource {
    std::string source;
    std::string date; // YYYY-MM-DD or YYYY-MM
    bool estimate = true;
};

struct CatalogEntry {
    Sku sku;
    double memoryGb = 0.0;
    std::map<std::string, FigureSource>
        sources; // perf_index, market_price_per_gpu_hour, capex_per_gpu, it_kw_per_gpu, memory_gb
};

// Parse and check (every figure sourced, deals complete and consistent with the catalog). On a
// problem return empty and set *error to "<name>: <json path>: <problem>".
std::vector<CatalogEntry> readGpuCatalogJson(const QByteArray& bytes, const QString& displayName,
                                             QString* error);
std::vector<Deal> readDealLibraryJson(const QByteArray& bytes, const QString& displayName,
                                      const SkuCatalog& catalog, QString* error);

// The bundled files; a broken bundled file is a build defect: these throw.
std::vector<CatalogEntry> bundledGpuCatalog();
std::vector<Deal> bundledDealLibrary();

} // namespace ledger::data
