#pragma once
// Where two runs' statistics differ, to the bit: the tests that hold two ways of computing them to
// the same numbers (the fan kept as codes or as values; the CPU's reductions or Thrust's).
#include "montecarlo/SimulationResult.h"

#include <QString>

#include <cstring>

namespace ledger::testing {

inline bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// The first statistic that differs, named, or an empty string when every one is the same.
inline QString firstDifference(const SimulationResult& x, const SimulationResult& y) {
    auto num = [](double v) { return QString::number(v, 'g', 17); };
    auto differ = [&](const QString& what, double a, double b) {
        return sameBits(a, b) ? QString() : what + ": " + num(a) + " and " + num(b);
    };
    auto summary = [&](const QString& what, const DistributionSummary& a, const DistributionSummary& b) {
        const double u[] = {a.mean, a.std, a.stderr_, a.min, a.max, a.p1,  a.p5,    a.p10,
                            a.p25,  a.p50, a.p75,     a.p90, a.p95, a.p99, a.cvar95};
        const double v[] = {b.mean, b.std, b.stderr_, b.min, b.max, b.p1,  b.p5,    b.p10,
                            b.p25,  b.p50, b.p75,     b.p90, b.p95, b.p99, b.cvar95};
        static const char* names[] = {"mean", "std", "stderr", "min", "max", "p1",  "p5",    "p10",
                                      "p25",  "p50", "p75",    "p90", "p95", "p99", "cvar95"};
        for (int i = 0; i < 15; ++i)
            if (const QString d = differ(what + " " + names[i], u[i], v[i]); !d.isEmpty())
                return d;
        return QString();
    };
    if (x.alternatives.size() != y.alternatives.size())
        return "alternatives: " + QString::number(x.alternatives.size()) + " and " +
               QString::number(y.alternatives.size());
    for (std::size_t a = 0; a < x.alternatives.size(); ++a) {
        const auto& p = x.alternatives[a];
        const auto& q = y.alternatives[a];
        const QString id = QString::fromStdString(p.id);
        if (QString d = summary(id + " npv", p.npvCost, q.npvCost); !d.isEmpty())
            return d;
        if (p.lcoc.has_value() != q.lcoc.has_value())
            return id + " lcoc: defined in one run only";
        if (p.lcoc)
            if (QString d = summary(id + " lcoc", *p.lcoc, *q.lcoc); !d.isEmpty())
                return d;
        if (p.annualCumulative.size() != q.annualCumulative.size())
            return id + " fan: years differ";
        for (std::size_t k = 0; k < p.annualCumulative.size(); ++k) {
            const auto &f = p.annualCumulative[k], &g = q.annualCumulative[k];
            const QString year = id + " fan " + QString::number(f.year);
            if (f.year != g.year)
                return year + ": years differ";
            for (const QString& d : {differ(year + " p5", f.p5, g.p5), differ(year + " p50", f.p50, g.p50),
                                     differ(year + " p95", f.p95, g.p95)})
                if (!d.isEmpty())
                    return d;
        }
        if (p.convergence.size() != q.convergence.size())
            return id + " convergence: lengths differ";
        for (std::size_t k = 0; k < p.convergence.size(); ++k) {
            const auto &c = p.convergence[k], &e = q.convergence[k];
            const QString at = id + " convergence at " + QString::number(c.paths);
            if (c.paths != e.paths)
                return at + ": path counts differ";
            for (const QString& d :
                 {differ(at + " mean", c.mean, e.mean), differ(at + " band", c.halfWidth95, e.halfWidth95)})
                if (!d.isEmpty())
                    return d;
        }
        const auto &h = p.npvHistogram, &i = q.npvHistogram;
        if (!sameBits(h.low, i.low) || !sameBits(h.high, i.high) || h.counts != i.counts)
            return id + " histogram differs";
        if (QString d = differ(id + " prob_cheapest", p.probCheapest, q.probCheapest); !d.isEmpty())
            return d;
    }
    if (x.probCheaper.size() != y.probCheaper.size())
        return "prob_cheaper: lengths differ";
    for (std::size_t k = 0; k < x.probCheaper.size(); ++k)
        if (QString d = differ("prob_cheaper " + QString::number(k), x.probCheaper[k].p, y.probCheaper[k].p);
            !d.isEmpty())
            return d;
    if (x.defaults.size() != y.defaults.size())
        return "defaults: lengths differ";
    for (std::size_t k = 0; k < x.defaults.size(); ++k)
        if (QString d =
                differ("default " + QString::number(k), x.defaults[k].fraction, y.defaults[k].fraction);
            !d.isEmpty())
            return d;
    return QString();
}

} // namespace ledger::testing
