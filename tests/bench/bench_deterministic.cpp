// Times a deterministic evaluation of the bundled example (issue: under 5 ms). Not a test: run it
// by hand, `build/tests/bench/bench_deterministic [repetitions]`, and quote it in docs/performance.md.
#include "data/PortfolioJson.h"
#include "data/SkuCatalogJson.h"
#include "engine/DeterministicEngine.h"
#include "resources/BundledResources.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace ledger;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int reps = argc > 1 ? std::max(1, atoi(argv[1])) : 200;
    const auto catalog = data::bundledSkuCatalog();
    const auto load = data::loadPortfolioJsonFile(resources::examplePortfolioPath(), catalog);
    if (!load.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(load.error));
        return 1;
    }
    auto time = [&](const char* label, const EvaluateOptions& options) {
        std::vector<double> ms;
        double sink = 0.0;
        for (int i = 0; i < reps; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto r = evaluatePortfolio(*load.portfolio, catalog, options);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            sink += r.alternatives.front().npvCost;
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-44s median %.3f ms  p90 %.3f ms  min %.3f ms  (%d runs, check %.0f)\n", label,
                    ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.front(), reps, sink / reps);
    };
    time("example: evaluation (items, years, spot)", EvaluateOptions{false});
    time("example: evaluation + breakeven + useful life", EvaluateOptions{true});
    return 0;
}
