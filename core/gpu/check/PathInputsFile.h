#pragma once
// The compiled inputs of a portfolio as `computeledger bench --write-inputs` writes them (JSON: the
// fields of engine/PathInputs.h by name, every array flat), read back into owned arrays, so that a
// machine without the app (a bare CUDA image) runs the very paths the app would.
#include "engine/PathInputs.h"

#include <string>
#include <vector>

namespace ledger::gpucheck {

struct PathInputsFile {
    PathInputs inputs; // its pointers point into the vectors below
    std::vector<std::string> alternativeIds;
    std::vector<double> periodEndDf, periodTime, baseLogIndex, perfIndex, marketPrice, takeOrPay, payShare,
        idleFraction, upfrontAmount, upfrontDf, residualValue, nbvTaxAtDisposal, prepaymentFraction,
        totalContractValue, recoveryRate, hours, baseUtil, expNegLogitUtil, cashDf, billedAtFull,
        cumulativeBilled, mwhAtFullUse, powerPrice, fixedCost, taxDepreciation;
    std::vector<int> periodYear, kind, provider, upfrontPeriod, prepaidPeriod, disposalPeriod,
        slotAlternativeOffsets, slotAlternatives;
    std::vector<unsigned char> coveredBySpot;

    PathInputsFile() = default;
    PathInputsFile(const PathInputsFile&) = delete; // inputs points into this object
    PathInputsFile& operator=(const PathInputsFile&) = delete;
};

// Reads FILE; throws std::runtime_error naming the file and the field on a problem (a missing field,
// an array of the wrong length).
void readPathInputsFile(const std::string& path, PathInputsFile& out);

} // namespace ledger::gpucheck
