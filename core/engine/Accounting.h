#pragma once
// The accounting view (MODEL.md 9) of the deterministic run: an item's cash-view lines as its run
// booked them, by fiscal year, turned into expenses as booked, and its balance-sheet items at each
// year end. The path-dependent lines come from the run (the one path function); the accruals that
// no shock moves (a prepayment drawn down, a lease's straight-line cost, amortization and
// interest) from the compiled arrays and the lease schedule.
#include "engine/AccountingLine.h"
#include "engine/CompiledPortfolio.h"
#include "engine/EvaluationResult.h"
#include "engine/LeaseSchedule.h"

#include <vector>

namespace ledger {

// Compiled item i of cp, given its annual rows as the run recorded them (lineCash by fiscal year);
// for a contract, the contract (null for a fleet) and, if it is a lease, its schedule.
std::vector<AccountingYear> itemAccounting(const CompiledPortfolio& cp, int i,
                                           const std::vector<AnnualRow>& annual, const Contract* contract,
                                           const LeaseSchedule* lease);

// An alternative's own lines beyond its items' (with a demand its shortfall; the spot alternative's
// purchases): the lines of `owner` in its annual rows, as expenses.
void addOwnAccounting(std::vector<AccountingYear>& years, const std::vector<AnnualRow>& annual,
                      LineOwner owner);

// Sets every year's totals (MODEL.md 9).
void closeYears(std::vector<AccountingYear>& years, double taxRate);

// A lease as `evaluate --json` reports it.
LeaseResult leaseResult(const std::string& contractId, const LeaseSchedule& s);

} // namespace ledger
