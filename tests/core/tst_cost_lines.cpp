// The cost lines of engine/CostLine.h (issue 16): each line of a contract, a fleet and the spot
// alternative worked out by hand from MODEL.md 3-6, and the lines adding up to every total the
// engine reports (item, alternative, year) to 1e-9 relative, while the totals stay as they were.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "engine/PathFunction.h"
#include "montecarlo/PhiloxShocks.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

namespace {

const LineAmount* find(const std::vector<LineAmount>& lines, CostLine l) {
    for (const auto& x : lines)
        if (x.line == l)
            return &x;
    return nullptr;
}

double cashOf(const std::vector<LineAmount>& lines, CostLine l) {
    const LineAmount* x = find(lines, l);
    if (!x)
        qFatal("line %s not listed", kCostLineKeys[int(l)]);
    return x->cash;
}

template <class Result> void checkAddsUp(const Result& r, const char* what) {
    double npv = 0.0, cash = 0.0;
    for (const auto& l : r.lines) {
        npv += l.npv;
        cash += l.cash;
    }
    QVERIFY2(near(npv, r.npvCost, 1e-9), what);
    QVERIFY2(near(cash, r.totalCash, 1e-9), what);
    for (const auto& row : r.annual) {
        double year = 0.0;
        for (const auto& l : r.lines)
            year += row.lineCash[std::size_t(l.line)];
        QVERIFY2(near(year, row.cash, 1e-9), what);
    }
}

// On one Monte Carlo path: each slot's NPV from its flows and from its lines, and which lines came.
struct PathLinesSink {
    static constexpr bool kRecordsLines = true;
    std::vector<double> flows, lines;
    std::vector<bool> seen = std::vector<bool>(kCostLines, false);
    void flow(int slot, int, FlowKind, double amount, double df) { flows[std::size_t(slot)] += amount * df; }
    void flowEither(int slot, int k, bool, FlowKind where, FlowKind, double amount, double df) {
        flow(slot, k, where, amount, df);
    }
    void line(int slot, int, CostLine l, double amount, double df) {
        lines[std::size_t(slot)] += amount * df;
        seen[std::size_t(l)] = seen[std::size_t(l)] || amount != 0.0;
    }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

} // namespace

class CostLinesTest : public QObject {
    Q_OBJECT
private slots:
    // January 2026, 100 GPUs at 2.00, 10% prepaid, tax 25%: billed 24 x 31 x 100 x 2 = 148,800.
    void aContractsLinesByHand() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.25);
        auto c = simpleContract(day(2026, 1, 1), day(2026, 1, 31), 100, 2.0);
        c.prepayment = 0.1;
        p.contracts = {c};
        const auto r = evaluate(p);
        const auto& lines = r.items[0].lines;
        QCOMPARE(lines.size(), std::size_t(7)); // the contract lines, in CostLine's order
        QCOMPARE(lines.front().line, CostLine::Prepayment);
        QVERIFY(near(cashOf(lines, CostLine::Prepayment), 14880.0));
        QVERIFY(near(cashOf(lines, CostLine::ContractPayments), 0.9 * 148800.0));
        QVERIFY(near(cashOf(lines, CostLine::ContractTaxShield), -0.25 * 148800.0));
        QCOMPARE(cashOf(lines, CostLine::Replacement), 0.0); // no default on the shock-free path
        QVERIFY(near(r.items[0].totalCash, 14880.0 + 133920.0 - 37200.0));
        QVERIFY(!find(lines, CostLine::Capex));
    }

    // 100 GPUs at 10,000, 100 kW, 2026 in service, tax 25%: colocation 100 per kW-month and opex
    // 12% a year are 10,000 a month each; straight-line tax depreciation over 5 years 200,000 a
    // year; resale 50% = 500,000 against a tax NBV of 800,000.
    void aFleetsLinesByHand() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.25);
        auto f = simpleFleet(day(2026, 1, 1), day(2026, 12, 31));
        f.colocationPerKwMonth = 100.0;
        f.opexFractionPerYear = 0.12;
        f.residualFraction = 0.5;
        p.fleets = {f};
        const auto r = evaluate(p);
        const auto& lines = r.items[0].lines;
        QCOMPARE(lines.size(), std::size_t(8));
        QVERIFY(near(cashOf(lines, CostLine::Capex), 1e6));
        QCOMPARE(cashOf(lines, CostLine::Power), 0.0);
        QVERIFY(near(cashOf(lines, CostLine::Colocation), 120000.0));
        QVERIFY(near(cashOf(lines, CostLine::Opex), 120000.0));
        QVERIFY(near(cashOf(lines, CostLine::OperatingTaxShield), -0.25 * 240000.0));
        QVERIFY(near(cashOf(lines, CostLine::DepreciationTaxShield), -0.25 * 200000.0));
        QVERIFY(near(cashOf(lines, CostLine::Resale), -500000.0));
        QVERIFY(near(cashOf(lines, CostLine::DisposalTax), 0.25 * (500000.0 - 800000.0)));
        QVERIFY(near(r.items[0].totalCash, 1e6 + 240000.0 - 60000.0 - 50000.0 - 500000.0 - 75000.0));
        // The year's lines: January holds the capex.
        QVERIFY(near(r.items[0].annual[0].lineCash[std::size_t(CostLine::Capex)], 1e6));
    }

    // The spot alternative buys the used hours at the SKU's market price (2.00 in testCatalog).
    void theSpotLinesByHand() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.25);
        p.contracts = {simpleContract(day(2026, 1, 1), day(2026, 1, 31), 100, 3.0)};
        const auto r = evaluate(p);
        const auto& spot = r.alternatives.back();
        QCOMPARE(spot.id, std::string(kSpotAlternativeId));
        QCOMPARE(spot.lines.size(), std::size_t(2));
        QVERIFY(near(cashOf(spot.lines, CostLine::Spot), 74400.0 * 2.0));
        QVERIFY(near(cashOf(spot.lines, CostLine::SpotTaxShield), -0.25 * 74400.0 * 2.0));
    }

    // The must-hold on a sample of Monte Carlo paths: every slot's lines add up to its flows
    // on each path, defaults (replacement, prepayment recovery and write-off) included.
    void linesAddUpOnSampledMonteCarloPaths() {
        const auto p = stochasticPortfolio();
        const CompiledPortfolio cp(p, testCatalog());
        const auto& in = cp.inputs();
        std::vector<bool> seen(kCostLines, false);
        for (int path = 0; path < 400; ++path) {
            PhiloxShocks shocks(20260101, std::uint64_t(path));
            PathLinesSink sink{std::vector<double>(std::size_t(in.items) + 1, 0.0),
                               std::vector<double>(std::size_t(in.items) + 1, 0.0)};
            simulatePath<double>(in, shocks, sink);
            for (std::size_t s = 0; s < sink.flows.size(); ++s)
                QVERIFY2(near(sink.lines[s], sink.flows[s], 1e-9),
                         qPrintable(QString("path %1 slot %2").arg(path).arg(s)));
            for (int l = 0; l < kCostLines; ++l)
                seen[std::size_t(l)] = seen[std::size_t(l)] || sink.seen[std::size_t(l)];
        }
        // A 5% hazard over ten years: some paths default, and their lines are there to add up.
        for (CostLine l :
             {CostLine::Replacement, CostLine::ReplacementTaxShield, CostLine::PrepaymentRecovery,
              CostLine::WriteoffTaxShield, CostLine::Power, CostLine::Resale, CostLine::Spot})
            QVERIFY2(seen[std::size_t(l)], kCostLineKeys[int(l)]);
    }

    // An alternative of a contract and a fleet lists both kinds' lines, in CostLine's order.
    void linesAddUpToEveryTotal() {
        auto p = stochasticPortfolio();
        p.alternatives->push_back({"both", "Both", {"c", "f"}});
        const auto r = evaluate(p);
        for (const auto& i : r.items)
            checkAddsUp(i, i.id.c_str());
        for (const auto& a : r.alternatives)
            checkAddsUp(a, a.id.c_str());
        const auto& both = r.alternatives[2];
        QCOMPARE(both.lines.size(), std::size_t(15));
        for (std::size_t l = 1; l < both.lines.size(); ++l)
            QVERIFY(both.lines[l - 1].line < both.lines[l].line);
        QVERIFY(near(cashOf(both.lines, CostLine::Capex), cashOf(r.items[1].lines, CostLine::Capex)));
    }
};

QTEST_APPLESS_MAIN(CostLinesTest)
#include "tst_cost_lines.moc"
