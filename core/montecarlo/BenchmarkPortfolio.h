#pragma once
// The standard synthetic portfolio `computeledger bench` times: two contracts with different
// providers (defaults on), one owned fleet, every stochastic factor switched on.
#include "portfolio/Portfolio.h"

namespace ledger {

Portfolio benchmarkPortfolio(int months);

} // namespace ledger
