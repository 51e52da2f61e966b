#pragma once
// How money is shown on screen: millions with thousands separators, one decimal.
#include <QString>

namespace ledger::models {

QString formatMillions(double amount);
QString formatPerHour(double amount);

} // namespace ledger::models
