#pragma once
// How money and shares are shown on screen and in reports: millions with thousands separators, one
// decimal; percentages of a fraction.
#include <QString>

namespace ledger::models {

QString formatMillions(double amount);
QString formatPerHour(double amount);
// 0.659 -> "65.9%" (decimals after the point; English digits).
QString formatPercent(double fraction, int decimals = 1);

} // namespace ledger::models
