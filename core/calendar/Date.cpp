#include "calendar/Date.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <charconv>

namespace ledger {

namespace {
bool parseDigits(std::string_view s, int& out) {
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}
} // namespace

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parseDigits(text.substr(0, 4), y) || !parseDigits(text.substr(5, 2), m) ||
        !parseDigits(text.substr(8, 2), d))
        return std::nullopt;
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1)
        return std::nullopt;
    if (d > boost::gregorian::gregorian_calendar::end_of_month_day(y, m))
        return std::nullopt;
    return Date(y, m, d);
}

std::string formatIsoDate(const Date& d) {
    return boost::gregorian::to_iso_extended_string(d);
}

Date addMonths(const Date& d, int months) {
    return d + boost::gregorian::months(months);
}
Date addYears(const Date& d, int years) {
    return d + boost::gregorian::years(years);
}
Date addDays(const Date& d, long days) {
    return d + boost::gregorian::days(days);
}

int monthIndex(const Date& d) {
    return int(d.year()) * 12 + int(d.month()) - 1;
}

int fullYearsBetween(const Date& start, const Date& d) {
    if (d < start)
        return 0;
    int years = int(d.year()) - int(start.year());
    while (years > 0 && addYears(start, years) > d)
        --years;
    while (addYears(start, years + 1) <= d)
        ++years;
    return years;
}

} // namespace ledger
