#pragma once
// Calendar primitives. All calendar arithmetic goes through Boost.Date_Time so leap years and
// end-of-month snapping follow one well-tested rule set.
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace ledger {

using Date = boost::gregorian::date;

// Parses a strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt for anything else, including
// impossible dates such as 2026-02-30.
std::optional<Date> parseIsoDate(std::string_view text);
std::string formatIsoDate(const Date& d);

// d + n months with Boost's rule: a date on the last day of its month stays on the last day.
Date addMonths(const Date& d, int months);
Date addYears(const Date& d, int years);
Date addDays(const Date& d, long days);

// Whole months since year 0: two dates in the same calendar month share an index.
int monthIndex(const Date& d);

// Number of full anniversaries of `start` reached on or before `d` (0 before the first).
int fullYearsBetween(const Date& start, const Date& d);

} // namespace ledger
