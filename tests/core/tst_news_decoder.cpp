// The news decoder (MODEL.md 3.2) solved three ways: TCV = first-year price x GPUs x 24 x sum over
// the term's days of (1 + escalator)^(full years since start), for any one of the three from the
// other two, and a facility's power standing for the GPUs. Every figure is worked out by hand below.
#include "TestPortfolios.h"
#include "analytics/NewsDecoder.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

bool relativelyNear(double a, double b, double rel = 1e-12) {
    return std::abs(a - b) <= rel * std::abs(b);
}

// The CoreWeave-OpenAI headline's term: 2025-09-30..2031-12-14 is 2,267 days, 54,408 hours.
DealTerms headline(DealUnknown unknown) {
    DealTerms t;
    t.start = day(2025, 9, 30);
    t.end = day(2031, 12, 14);
    t.unknown = unknown;
    return t;
}

// GB300's IT kW per GPU in resources/catalog/skus.json (the core reads no catalog file).
constexpr double kGb300ItKwPerGpu = 1.9;

} // namespace

class NewsDecoderTest : public QObject {
    Q_OBJECT
private slots:
    void gpusFromTheValueAndThePrice() {
        auto t = headline(DealUnknown::Gpus);
        t.totalContractValue = 14.2e9;
        t.pricePerGpuHour = 2.5;
        QVERIFY(!validateDealTerms(t));
        const DecodedDeal d = decodeDeal(t);
        QCOMPARE(d.days, 2267L);
        // 14.2e9 / 2.5 = 5.68e9 GPU-hours; / 54,408 hours = 104,396.41229... GPUs.
        QCOMPARE(d.gpuHours, 5.68e9);
        QVERIFY(relativelyNear(d.gpus, 14.2e9 / 136020.0));
        QCOMPARE(d.totalContractValue, 14.2e9);
        QCOMPARE(d.pricePerGpuHour, 2.5);
        QCOMPARE(d.averagePricePerGpuHour, 2.5);
        QVERIFY(relativelyNear(d.annualSpend, 14.2e9 * 365.0 / 2267.0)); // 2,286.28 M
    }

    void priceFromTheValueAndTheGpus() {
        auto t = headline(DealUnknown::PricePerGpuHour);
        t.totalContractValue = 14.2e9;
        t.gpus = 100000;
        t.pricePerGpuHour = -1.0; // the unknown's field is neither checked nor read
        QVERIFY(!validateDealTerms(t));
        const DecodedDeal d = decodeDeal(t);
        // 14.2e9 / (100,000 GPUs x 54,408 hours) = 14.2 / 5.4408 = 2.6099103... per GPU-hour.
        QVERIFY(relativelyNear(d.pricePerGpuHour, 14.2 / 5.4408));
        QVERIFY(relativelyNear(d.averagePricePerGpuHour, 14.2 / 5.4408));
        QCOMPARE(d.gpus, 100000.0);
        QCOMPARE(d.gpuHours, 5.4408e9);
        QCOMPARE(d.totalContractValue, 14.2e9);
        QVERIFY(relativelyNear(d.annualSpend, 14.2e9 * 365.0 / 2267.0));
    }

    void valueFromTheGpusAndThePrice() {
        auto t = headline(DealUnknown::TotalContractValue);
        t.gpus = 100000;
        t.pricePerGpuHour = 2.5;
        t.itKwPerGpu = kGb300ItKwPerGpu;
        t.pue = 1.3;
        QVERIFY(!validateDealTerms(t));
        const DecodedDeal d = decodeDeal(t);
        // 2.5 x 100,000 x 54,408 hours = 13.602e9; a year of it 2.5 x 100,000 x 8,760 hours = 2.19e9.
        QCOMPARE(d.totalContractValue, 13.602e9);
        QCOMPARE(d.annualSpend, 2.19e9);
        QCOMPARE(d.gpuHours, 5.4408e9);
        // 100,000 x 1.9 kW = 190 MW of IT power, x 1.3 = 247 MW at the facility.
        QCOMPARE(d.itMegawatts, 190.0);
        QCOMPARE(d.facilityMegawatts, 247.0);
    }

    void theEscalatorIsInvertedExactly() {
        // 2026-01-01..2027-12-31 at 10% a year: 365 days at the price, 365 at 1.1 times it, so one
        // GPU's escalated hours are 24 x (365 + 401.5) = 18,396 and the average price is 1.05 times the
        // first.
        DealTerms t;
        t.start = day(2026, 1, 1);
        t.end = day(2027, 12, 31);
        t.escalator = 0.1;
        t.gpus = 1000;
        t.pricePerGpuHour = 2.0;
        t.unknown = DealUnknown::TotalContractValue;
        const DecodedDeal value = decodeDeal(t);
        QCOMPARE(value.days, 730L);
        QVERIFY(relativelyNear(value.totalContractValue, 2.0 * 1000 * 18396)); // 36,792,000
        QVERIFY(relativelyNear(value.averagePricePerGpuHour, 2.1));
        QCOMPARE(value.gpuHours, 1000.0 * 24 * 730);
        t.totalContractValue = 36.792e6;
        t.unknown = DealUnknown::PricePerGpuHour;
        QVERIFY(relativelyNear(decodeDeal(t).pricePerGpuHour, 2.0));
        t.unknown = DealUnknown::Gpus;
        QVERIFY(relativelyNear(decodeDeal(t).gpus, 1000.0));
    }

    void eachDirectionUndoesTheOthers() {
        struct Case {
            Date start;
            Date end;
            double escalator;
            double tcv;
            double price;
        };
        // The headline; a leap day inside a year that escalates 3%; one day; a falling price over 20
        // years; a price at the decoder's smallest.
        const Case cases[] = {
            {day(2025, 9, 30), day(2031, 12, 14), 0.0, 14.2e9, 2.5},
            {day(2027, 3, 1), day(2030, 2, 28), 0.03, 22.4e9, 3.1},
            {day(2026, 6, 1), day(2026, 6, 1), 0.5, 1e6, 7.0},
            {day(2026, 1, 1), day(2045, 12, 31), -0.2, 3.3e11, 9.75},
            {day(2026, 1, 1), day(2027, 12, 31), 0.07, 1e15, kMinDecodePricePerGpuHour},
        };
        for (const Case& c : cases) {
            DealTerms t;
            t.start = c.start;
            t.end = c.end;
            t.escalator = c.escalator;
            t.totalContractValue = c.tcv;
            t.pricePerGpuHour = c.price;
            QVERIFY(!validateDealTerms(t));
            const double gpus = decodeDeal(t).gpus;
            // The GPUs at the same price give the value back, ...
            DealTerms back = t;
            back.totalContractValue = 0.0;
            back.gpus = gpus;
            back.unknown = DealUnknown::TotalContractValue;
            const double tcv = decodeDeal(back).totalContractValue;
            QVERIFY2(relativelyNear(tcv, c.tcv), qPrintable(QString::number(tcv, 'g', 17)));
            // ... and the value over those GPUs gives the price back.
            back.totalContractValue = c.tcv;
            back.pricePerGpuHour = 0.0;
            back.unknown = DealUnknown::PricePerGpuHour;
            if (gpus <= kMaxGpus) { // a given GPU count has a fleet's bound; a solved one none
                QVERIFY(!validateDealTerms(back));
                const double price = decodeDeal(back).pricePerGpuHour;
                QVERIFY2(relativelyNear(price, c.price), qPrintable(QString::number(price, 'g', 17)));
            }
        }
    }

    void aFacilitysGigawattsInGpus() {
        // "5 GW of AI factories" in GB300s at a PUE of 1.3: 5,000 MW / 1.3 = 3,846.15 MW of IT power,
        // / 1.9 kW = 5e6 / 2.47 = 2,024,291.498 GPUs. No money given: the power alone, no term.
        DealTerms power;
        power.facilityMegawatts = 5000.0;
        power.itKwPerGpu = kGb300ItKwPerGpu;
        power.pue = 1.3;
        power.unknown = DealUnknown::Money;
        QVERIFY(!validateDealTerms(power));
        const DecodedDeal p = decodeDeal(power);
        QCOMPARE(p.days, 0L);
        QCOMPARE(p.facilityMegawatts, 5000.0);
        QVERIFY(relativelyNear(p.itMegawatts, 5000.0 / 1.3));
        QVERIFY(relativelyNear(p.gpus, 5e6 / 2.47));
        QCOMPARE(p.totalContractValue, 0.0);
        // With a price over the headline's term: 2.5 x 54,408 hours x 2,024,291.498 GPUs
        // = 6.801e11 / 2.47 = 275,344.13 M, a year of it 2.5 x 8,760 x the GPUs = 44,331.98 M.
        auto t = headline(DealUnknown::TotalContractValue);
        t.facilityMegawatts = 5000.0;
        t.gpus = 7.0; // the facility's power stands for the GPUs: not read
        t.pricePerGpuHour = 2.5;
        t.itKwPerGpu = kGb300ItKwPerGpu;
        t.pue = 1.3;
        QVERIFY(!validateDealTerms(t));
        const DecodedDeal d = decodeDeal(t);
        QVERIFY(relativelyNear(d.gpus, 5e6 / 2.47));
        QVERIFY(relativelyNear(d.totalContractValue, 6.801e11 / 2.47));
        QVERIFY(relativelyNear(d.annualSpend, 21900.0 * 5e6 / 2.47));
        QCOMPARE(d.facilityMegawatts, 5000.0);
        // And the value gives the price back over the facility's GPUs.
        t.totalContractValue = d.totalContractValue;
        t.unknown = DealUnknown::PricePerGpuHour;
        QVERIFY(relativelyNear(decodeDeal(t).pricePerGpuHour, 2.5));
    }

    void aGpuCountsPower() {
        // 100,000 GB300s: 190 MW of IT power, 190 x 1.1 = 209 MW at the facility.
        DealTerms t;
        t.gpus = 100000;
        t.itKwPerGpu = kGb300ItKwPerGpu;
        t.pue = 1.1;
        t.unknown = DealUnknown::Money;
        QVERIFY(!validateDealTerms(t));
        const DecodedDeal d = decodeDeal(t);
        QCOMPARE(d.gpus, 100000.0);
        QCOMPARE(d.itMegawatts, 190.0);
        QVERIFY(relativelyNear(d.facilityMegawatts, 209.0));
    }

    void termsOutsideTheBoundsAreNamed() {
        auto check = [](const DealTerms& t, const std::string& expected) {
            const auto e = validateDealTerms(t);
            QVERIFY2(e, expected.c_str());
            QCOMPARE(QString::fromStdString(e->toString()), QString::fromStdString(expected));
        };
        auto t = headline(DealUnknown::PricePerGpuHour);
        t.totalContractValue = 14.2e9;
        t.gpus = 0.0;
        check(t, "gpus: 0 is outside (0, 1e+08]");
        t.gpus = 1.5e8;
        check(t, "gpus: 1.5e+08 is outside (0, 1e+08]");
        t.gpus = 100;
        t.facilityMegawatts = 0.0;
        t.itKwPerGpu = kGb300ItKwPerGpu;
        t.pue = 1.3;
        check(t, "facility_mw: 0 is outside (0, 5e+07]");
        t.facilityMegawatts = 5000.0;
        t.itKwPerGpu = 0.0; // no SKU: a facility's power is no GPU count
        check(t, "it_kw_per_gpu: 0 is outside (0, 100]");
        t.itKwPerGpu = kGb300ItKwPerGpu;
        t.pue = 0.0; // nor without a PUE
        check(t, "pue: 0 is outside [1, 5]");
        DealTerms power;
        power.gpus = 100;
        power.pue = 1.3;
        power.unknown = DealUnknown::Money;
        check(power, "it_kw_per_gpu: 0 is outside (0, 100]"); // the power alone needs the kW
        power.itKwPerGpu = kGb300ItKwPerGpu;
        power.pue = 0.0;
        check(power, "pue: 0 is outside [1, 5]");
    }

    void aSolvedFigureOutsideTheBoundsIsRefused() {
        // A dollar over 100 million GPUs for 54,408 hours: 1 / 5.4408e12 = 1.84e-13 a GPU-hour, below
        // the smallest price (it would print as 0.0000). No option is at fault: the path is empty.
        auto t = headline(DealUnknown::PricePerGpuHour);
        t.totalContractValue = 1.0;
        t.gpus = kMaxGpus;
        auto e = validateDealTerms(t);
        QVERIFY(e);
        QCOMPARE(e->path, std::string());
        QCOMPARE(e->message, "the implied price " + formatNumber(1.0 / (kMaxGpus * 54408.0)) +
                                 " is outside [1e-04, 10000]");
        // 100 million GPUs at 10,000 a GPU-hour: 1e12 x 54,408 = 5.4408e16, above a contract's 1e15.
        t.unknown = DealUnknown::TotalContractValue;
        t.pricePerGpuHour = kMaxPricePerGpuHour;
        e = validateDealTerms(t);
        QVERIFY(e);
        QCOMPARE(e->toString(), std::string("the implied contract value 5.4408e+16 is outside (0, 1e+15]"));
    }

    void theFirstDecodersCallersReadAsBefore() {
        // DealContract and the item editor fill the first seven fields: the GPUs are solved.
        const DecodedDeal d = decodeDeal({14.2e9, day(2025, 9, 30), day(2031, 12, 14), 2.5, 0.0, 1.9, 1.3});
        QVERIFY(relativelyNear(d.gpus, 14.2e9 / 136020.0));
        QVERIFY(relativelyNear(d.itMegawatts, 14.2e9 / 136020.0 * 1.9 / 1000.0)); // 198.35 MW
        // No price (a SKU without a market price): the days only, as before.
        const DecodedDeal none = decodeDeal({14.2e9, day(2025, 9, 30), day(2031, 12, 14), 0.0, 0.0, 0.0});
        QCOMPARE(none.days, 2267L);
        QCOMPARE(none.gpus, 0.0);
        QCOMPARE(none.annualSpend, 0.0);
    }
};

QTEST_APPLESS_MAIN(NewsDecoderTest)
#include "tst_news_decoder.moc"
