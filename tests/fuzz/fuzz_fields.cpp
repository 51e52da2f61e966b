// The text field parsers every importer shares: ISO dates (parseIsoDate) and numbers
// (parseFiniteNumber). Each line of the input is one field. What a parser accepts must be the one
// text its formatter writes for the value (dates), or read back bit for bit (numbers), and never
// be a date outside the calendar's range or a number that is not finite.
#include "FuzzCheck.h"
#include "calendar/Date.h"
#include "portfolio/Validation.h"

#include <cmath>
#include <cstring>
#include <string>
#include <string_view>

using namespace ledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t from = 0;
    while (from <= input.size()) {
        const std::size_t to = std::min(input.find('\n', from), input.size());
        const std::string_view field = input.substr(from, to - from);
        const std::string shown(field);
        if (const auto d = parseIsoDate(field)) {
            FUZZ_CHECK(formatIsoDate(*d) == field, shown.c_str());
            FUZZ_CHECK(d->year() >= 1400 && d->year() <= 9999, shown.c_str());
            // Validation keeps portfolio dates in the supported years, from where 40 years of month
            // arithmetic (the longest horizon) stays on Boost's calendar, which throws outside it.
            if (d->year() >= kFirstSupportedYear && d->year() <= kLastSupportedYear)
                FUZZ_CHECK(addMonths(*d, 12 * 40) > *d, shown.c_str());
        }
        if (const auto v = parseFiniteNumber(field)) {
            FUZZ_CHECK(std::isfinite(*v), shown.c_str());
            const auto back = parseFiniteNumber(formatNumber(*v));
            FUZZ_CHECK(back && std::memcmp(&*back, &*v, sizeof(double)) == 0, shown.c_str());
        }
        from = to + 1;
    }
    return 0;
}
