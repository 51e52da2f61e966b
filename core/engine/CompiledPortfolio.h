#pragma once
// "Compile once, simulate many" (DESIGN.md): a portfolio flattened into per-period arrays that the
// one path function reads. Per item-and-period arrays are period-major: index k * items + i.
#include "calendar/PeriodGrid.h"
#include "engine/ContractSchedule.h"
#include "engine/FleetSchedule.h"
#include "engine/LeaseSchedule.h"
#include "engine/PathInputs.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ledger {

struct CompileOptions {
    std::optional<double> constantUtilization; // replaces every utilization curve (breakeven analysis)
    // Leaves the demand aside: each item once, on its utilization curve (the items' own figures).
    bool standalone = false;
    // The Monte Carlo's compilation (docs/model.md 12.14): a fleet with an uncertain delivery delay is
    // compiled once per whole month of delay it may be late, each copy costed on the paths that draw
    // it. Otherwise (the deterministic run) a fleet is compiled delivered at its likeliest delay.
    bool deliveryVariants = false;
};

class CompiledPortfolio {
public:
    // The portfolio must have passed validatePortfolio().
    CompiledPortfolio(const Portfolio& p, const SkuCatalog& catalog, const CompileOptions& options = {});
    CompiledPortfolio(const CompiledPortfolio&) = delete;
    CompiledPortfolio& operator=(const CompiledPortfolio&) = delete;

    const PathInputs& inputs() const { return view_; }
    // Whether every alternative meets a demand (MODEL.md 8): then an "item" below is an item as
    // costed in one alternative (PathInputs::demandGroup), and each alternative has a shortfall slot.
    bool hasDemand() const { return view_.hasDemand; }
    // The portfolio's index of compiled item i (its contracts, then its fleets).
    int portfolioItem(int i) const { return portfolioItems_[std::size_t(i)]; }
    // The demand SKU's performance index (1 without a demand).
    double demandPerfIndex() const { return demandPerfIndex_; }
    const PeriodGrid& grid() const { return grid_; }
    int periods() const { return grid_.size(); }
    int itemCount() const { return int(itemIds_.size()); }
    const std::string& itemId(int i) const { return itemIds_[i]; }
    ItemKind itemKind(int i) const { return ItemKind(a_.kind[std::size_t(i)]); }
    int firstYear() const { return firstYear_; }
    int yearCount() const { return years_; }
    const std::vector<Alternative>& alternatives() const { return alternatives_; }
    const std::string& spotCovers() const { return spotCovers_; }
    // The compiled items costed to alternative a (a < alternatives().size()), in its items' order.
    const std::vector<int>& alternativeItems(int a) const { return alternativeItems_[std::size_t(a)]; }
    const std::vector<std::string>& providers() const { return providers_; }

    const std::vector<ContractSchedule>& contractSchedules() const { return contracts_; }
    const std::vector<FleetSchedule>& fleetSchedules() const { return fleets_; }
    // Item i's place among the compiled items of its kind (with a demand an item is compiled once per
    // alternative holding it: portfolioItem gives the portfolio's item).
    int indexInKind(int i) const { return i - view_.kindBegin[int(itemKind(i))]; }
    const ContractSchedule& contractSchedule(int i) const { return contracts_[std::size_t(indexInKind(i))]; }
    const FleetSchedule& fleetSchedule(int i) const { return fleets_[std::size_t(indexInKind(i))]; }
    // A contract's lease schedule (MODEL.md 9), or null for a service contract.
    const LeaseSchedule* leaseSchedule(int i) const {
        if (itemKind(i) != ItemKind::Contract)
            return nullptr;
        const auto& l = leases_[std::size_t(indexInKind(i))];
        return l ? &*l : nullptr;
    }
    double periodEndDf(int k) const { return a_.periodEndDf[std::size_t(k)]; }

private:
    void compileContract(int i, const Contract& c, const Sku& sku, const Portfolio& p,
                         const CompileOptions& o);
    void compileContractAccruals(int i, const Contract& c, const Portfolio& p);
    void compileFleet(int i, const Fleet& f, const Sku& sku, const Portfolio& p, const CompileOptions& o);
    void compileFleetUncertainty(int i, int fleet, const Fleet& f, const Sku& sku, int variant,
                                 std::map<int, int>& fleetSlots);
    void compileMarket(const Portfolio& p);
    void compileDemand(const Portfolio& p, const SkuCatalog& catalog);
    void compileMembership();
    void bindView();

    PeriodGrid grid_;
    int firstYear_ = 0;
    int years_ = 0;
    std::vector<std::string> itemIds_;
    std::vector<int> portfolioItems_;
    std::vector<std::vector<int>> alternativeItems_;
    double demandPerfIndex_ = 1.0;
    std::vector<Alternative> alternatives_;
    std::string spotCovers_;
    std::vector<std::string> providers_;
    std::vector<ContractSchedule> contracts_;
    std::vector<FleetSchedule> fleets_;
    std::vector<std::optional<LeaseSchedule>> leases_; // per compiled contract

    PathArrayStorage a_; // every compiled array (engine/PathArrays.h)
    PathInputs view_{};
};

} // namespace ledger
