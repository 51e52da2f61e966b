#include "PathInputsJson.h"

#include <QJsonArray>

namespace ledger::data {

namespace {

template <class T> QJsonArray array(const T* values, long count) {
    QJsonArray a;
    for (long i = 0; i < count; ++i)
        a.append(double(values[i]));
    return a;
}

} // namespace

QJsonObject pathInputsToJson(const CompiledPortfolio& cp) {
    const PathInputs& in = cp.inputs();
    const long K = in.periods, N = in.items, KN = K * N;
    QJsonArray ids;
    for (const auto& a : cp.alternatives())
        ids.append(QString::fromStdString(a.id));
    ids.append("spot");
    return QJsonObject{
        {"alternative_ids", ids},
        {"periods", in.periods},
        {"items", in.items},
        {"providers", in.providers},
        {"years", in.years},
        {"alternatives", in.alternatives},
        {"taxRate", in.taxRate},
        {"gpuTrend", in.gpuTrend},
        {"gpuDecay", in.gpuDecay},
        {"gpuScale", in.gpuScale},
        {"utilDecay", in.utilDecay},
        {"utilScale", in.utilScale},
        {"powerDecay", in.powerDecay},
        {"powerScale", in.powerScale},
        {"utilStochastic", in.utilStochastic},
        {"hasNextGeneration", in.hasNextGeneration},
        {"launchEarliest", in.launchEarliest},
        {"launchMode", in.launchMode},
        {"launchLatest", in.launchLatest},
        {"dropMin", in.dropMin},
        {"dropMax", in.dropMax},
        {"cholesky", array(in.cholesky, 9)},
        {"replacementPremium", in.replacementPremium},
        {"onDemandPremium", in.onDemandPremium},
        {"providerHazard", array(in.providerHazard, in.providers)},
        {"periodEndDf", array(in.periodEndDf, K)},
        {"periodTime", array(in.periodTime, K)},
        {"baseLogIndex", array(in.baseLogIndex, K)},
        {"periodYear", array(in.periodYear, K)},
        {"kind", array(in.kind, N)},
        {"provider", array(in.provider, N)},
        {"upfrontPeriod", array(in.upfrontPeriod, N)},
        {"prepaidPeriod", array(in.prepaidPeriod, N)},
        {"disposalPeriod", array(in.disposalPeriod, N)},
        {"coveredBySpot", array(in.coveredBySpot, N)},
        {"perfIndex", array(in.perfIndex, N)},
        {"marketPrice", array(in.marketPrice, N)},
        {"takeOrPay", array(in.takeOrPay, N)},
        {"payShare", array(in.payShare, N)},
        {"idleFraction", array(in.idleFraction, N)},
        {"upfrontAmount", array(in.upfrontAmount, N)},
        {"upfrontDf", array(in.upfrontDf, N)},
        {"residualValue", array(in.residualValue, N)},
        {"nbvTaxAtDisposal", array(in.nbvTaxAtDisposal, N)},
        {"prepaymentFraction", array(in.prepaymentFraction, N)},
        {"totalContractValue", array(in.totalContractValue, N)},
        {"recoveryRate", array(in.recoveryRate, N)},
        {"slotAlternativeOffsets", array(in.slotAlternativeOffsets, N + 2)},
        {"slotAlternatives", array(in.slotAlternatives, in.slotAlternativeOffsets[N + 1])},
        {"hours", array(in.hours, KN)},
        {"baseUtil", array(in.baseUtil, KN)},
        {"expNegLogitUtil", array(in.expNegLogitUtil, KN)},
        {"cashDf", array(in.cashDf, KN)},
        {"billedAtFull", array(in.billedAtFull, KN)},
        {"cumulativeBilled", array(in.cumulativeBilled, KN)},
        {"mwhAtFullUse", array(in.mwhAtFullUse, KN)},
        {"powerPrice", array(in.powerPrice, KN)},
        {"fixedCost", array(in.fixedCost, KN)},
        {"taxDepreciation", array(in.taxDepreciation, KN)},
    };
}

} // namespace ledger::data
