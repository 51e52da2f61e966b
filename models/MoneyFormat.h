#pragma once
// How money and shares are shown on screen and in reports: millions with thousands separators, one
// decimal; percentages of a fraction.
#include <QString>
#include <QVariant>

namespace ledger::models {

QString formatMillions(double amount);
QString formatPerHour(double amount);
// 0.659 -> "65.9%" (decimals after the point; English digits).
QString formatPercent(double fraction, int decimals = 1);

// A table model's cell of money in millions for `role`: the text, the exact value (Qt::UserRole),
// right-aligned, in bold when `bold` (a total or subtotal).
QVariant moneyCell(double amount, int role, bool bold = false);
// The bold font a total row or header is shown in.
QVariant boldFont();

} // namespace ledger::models
