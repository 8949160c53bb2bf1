/**
 * qsdl — formal security analysis of quantum-secure multiparty deep learning
 * (Sulimany et al., arXiv:2408.05629). Conventions everywhere: quadratures in
 * shot-noise units (vacuum variance 1), information in bits, power transmittance
 * T in (0, 1], excess noise ε referred to the channel output unless named ξ.
 *
 * @packageDocumentation
 */
export { thermalEntropy } from './kernels/thermalEntropy.js';
export { thermalEntropyDecimal } from './kernels/thermalEntropyDecimal.js';
export { symplecticEntropy } from './kernels/symplecticEntropy.js';
export { symplecticEntropyDecimal } from './kernels/symplecticEntropyDecimal.js';
export { thermalEntropyDifference } from './kernels/thermalEntropyDifference.js';
export { binaryEntropy } from './kernels/binaryEntropy.js';
export { logspace } from './kernels/logspace.js';
export { decimalFromDouble } from './kernels/decimalFromDouble.js';

export { channelLoss, MAX_LOSS_DB, type ChannelSpec } from './protocol/channelLoss.js';
export { honestModeExcessNoise } from './protocol/honestModeExcessNoise.js';
export { effectiveExcessNoise } from './protocol/effectiveExcessNoise.js';
export { measurementNoiseFactor } from './protocol/measurementNoiseFactor.js';
export { addedPhotons } from './protocol/addedPhotons.js';
export { outputSnr } from './protocol/outputSnr.js';

export { holevoWeightLeak, resolveWeightLeakPoint, MAX_MU, MAX_EXCESS_NOISE, type WeightLeakInput, type WeightLeakPoint } from './bounds/holevoWeightLeak.js';
export { holevoWeightLeakTextbook } from './bounds/holevoWeightLeakTextbook.js';
export { holevoWeightLeakDecimal } from './bounds/holevoWeightLeakDecimal.js';
export { cramerRaoDataLeak, CRAMER_RAO_VARIANTS, type CramerRaoVariant } from './bounds/cramerRaoDataLeak.js';
export { revisedDataLeak } from './bounds/revisedDataLeak.js';
export { dataLeak, DATA_LEAK_MODELS, type DataLeakInput, type DataLeakModel } from './bounds/dataLeak.js';

export type { PaperPreset, PresetName, PresetSlip, OperatingPoint, NeuronsAndLossRow, MapGrid } from './presets/paperPreset.js';
export { paper2024 } from './presets/paper2024.js';
export { paper2025 } from './presets/paper2025.js';
export { PRESETS, PRESET_NAMES, getPreset } from './presets/presets.js';
export { paperMap, type PaperMapRow } from './presets/paperMap.js';
export { paperMapAsWritten, type PaperMapAsWrittenRow } from './presets/paperMapAsWritten.js';
export { paperRawAccuracy, PAPER_RAW_ACCURACY, PAPER_RAW_ACCURACY_F } from './presets/paperRawAccuracy.js';
export { paperLogisticAccuracy, paperLogisticInverse, PAPER_LOGISTIC_PARAMS, type LogisticParams } from './presets/paperLogisticAccuracy.js';
export { QSDL_VERSION } from './version.js';
export type { BoundTable, TableAxis } from './studies/boundTable.js';
export { standardBoundTables } from './studies/standardBoundTables.js';
export { renderBoundTable, TABLE_FORMATS, type TableFormat } from './render/renderBoundTable.js';
export { parseIdx, readIdx, type IdxArray } from './data/readIdx.js';
export { loadMnist, mnistFiles, type MnistFiles, type MnistSplit } from './data/loadMnist.js';
export { normalSampler } from './kernels/normalSampler.js';
export { clientNoiseFactor } from './protocol/clientNoiseFactor.js';
export { outputNoiseStd, notebookFForSnr, type OutputNoiseSpec, type PhysicalNoiseSpec, type NotebookNoiseSpec, type SnrNoiseSpec } from './inference/outputNoiseStd.js';
export { noisyLayer } from './inference/noisyLayer.js';
export { encodePixels, PIXEL_ENCODINGS, type PixelEncoding } from './inference/encodePixels.js';
export { noisyForward, argmax, type BiasFreeNetwork, type NetworkLayer } from './inference/noisyForward.js';
export { trainNetwork, type TrainingOptions } from './inference/trainNetwork.js';
export { networkBytes, parseNetwork, readNetwork, MAX_NETWORK_LAYERS, MAX_NETWORK_WEIGHTS, MAX_PROVENANCE_BYTES, type NetworkProvenance, type StoredNetwork } from './inference/networkFile.js';
export { accuracyCurve, type AccuracyCurveOptions } from './inference/accuracyCurve.js';
export { accuracyLookup, thresholdCrossing, type ThresholdCrossing } from './inference/accuracyLookup.js';
export { testAccuracy, type AccuracyResult } from './inference/testAccuracy.js';
export { testAccuracyParallel, accuracyCurveParallel, type ParallelAccuracyOptions } from './inference/parallelAccuracy.js';

// Studies (results and verdicts) and their renderers
export { PAPER_HEADLINE, type HeadlineCriteria } from './studies/paperHeadline.js';
export { accuracySweep, type AccuracySweep, type AccuracySweepGrid, type AccuracySweepRow } from './studies/accuracySweep.js';
export { accuracySweepCsv, ACCURACY_SWEEP_COLUMNS } from './render/accuracySweepCsv.js';
export { accuracyLeakageMap, ACCURACY_SOURCES, type AccuracySource, type AccuracyLeakageMap, type AccuracyLeakageMapRow, type AccuracyLeakageMapOptions } from './studies/accuracyLeakageMap.js';
export { accuracyLeakageMapCsv, accuracyLeakageMapColumns } from './render/accuracyLeakageMapCsv.js';
export { accuracyLeakageStudy, type AccuracyLeakageStudy, type AccuracyLeakageStudyOptions } from './studies/accuracyLeakageStudy.js';
export { accuracyLeakageMapSvg, type MapSvgOptions, type MapMark } from './render/accuracyLeakageMapSvg.js';
export { headline, type Headline, type HeadlineRegion, type HeadlinePoint, type HeadlineDisagreement, type GainSlice } from './studies/headline.js';
export { headlineVerdict, type HeadlineVerdict } from './studies/headlineVerdict.js';

// Photon-counting server simulations
export { uniformSource, type UniformSource } from './counting/uniformSource.js';
export type { CountingPhysics } from './counting/countingPhysics.js';
export { simulateCounts, type CountSimulationSpec } from './counting/simulateCounts.js';
export { countingBasis, COUNTING_BASES, type CountingBasis, type CountingBasisName } from './counting/countingBasis.js';
export { countingProbabilities } from './counting/countingProbabilities.js';
export { recognitionRate, type RecognitionRateOptions, type RecognitionRateResult } from './counting/recognitionRate.js';
export { pixelCountInformation, type PixelCountInformation, type PixelCountInformationOptions } from './counting/pixelCountInformation.js';
export { NULL_PERMUTATIONS, PAIR_INTERFEROMETERS, pairCountInformation, pairCountLowerLimit, type PairCountInformation, type PairCountInformationOptions, type PairInterferometer } from './counting/pairCountInformation.js';
export { fanoInformation } from './counting/fanoInformation.js';
export { committedNetwork, committedNetworkFiles, type NetworkFiles } from './inference/committedNetwork.js';

// Gaussian-state engine
export { gaussianState, DEFAULT_STATE_TOLERANCE, type GaussianState, type GaussianStateOptions } from './gaussian/gaussianState.js';
export type { Complex, ComplexMatrix } from './gaussian/complex.js';
export { vacuum } from './gaussian/vacuum.js';
export { coherentState } from './gaussian/coherentState.js';
export { thermalState } from './gaussian/thermalState.js';
export { twoModeSqueezedVacuum, MAX_TMSV_VARIANCE, MAX_TMSV_SQUEEZING } from './gaussian/twoModeSqueezedVacuum.js';
export { tensorProduct } from './gaussian/tensorProduct.js';
export { passiveSymplectic, DEFAULT_UNITARY_TOLERANCE, type UnitaryOptions } from './gaussian/passiveSymplectic.js';
export { passiveUnitary } from './gaussian/passiveUnitary.js';
export { householderUnitary } from './gaussian/householderUnitary.js';
export { beamSplitter } from './gaussian/beamSplitter.js';
export { pureLoss } from './gaussian/pureLoss.js';
export { amplifierChannel } from './gaussian/amplifierChannel.js';
export { amplifierDilation } from './gaussian/amplifierDilation.js';
export { addNoise } from './gaussian/addNoise.js';
export { twoModeSqueeze } from './gaussian/twoModeSqueeze.js';
export { keepModes } from './gaussian/keepModes.js';
export { partialTrace } from './gaussian/partialTrace.js';
export { displace } from './gaussian/displace.js';
export { homodyneConditional, QUADRATURES, type Quadrature } from './gaussian/homodyneConditional.js';
export { homodyneSample, type HomodyneSample } from './gaussian/homodyneSample.js';
export { heterodyneConditional, type HeterodyneOutcome } from './gaussian/heterodyneConditional.js';
export { heterodyneSample, type HeterodyneSample } from './gaussian/heterodyneSample.js';
export { symplecticEigenvalues, type SymplecticSpectrum } from './gaussian/symplecticEigenvalues.js';
export { vonNeumannEntropy, type EntropyOptions } from './gaussian/vonNeumannEntropy.js';
export { gaussianHolevo, type HolevoOptions } from './gaussian/gaussianHolevo.js';
export { eprHolevo } from './gaussian/eprHolevo.js';
export { quantumFisherInformation, QFI_MIN_EXCESS } from './gaussian/quantumFisherInformation.js';
export { honestLayerRun, type HonestLayerInput, type HonestLayerRun, type HonestRowOutput } from './protocol/honestLayerRun.js';

// Server-side data bounds and the finite-size test
export { qfiDataLeak } from './bounds/qfiDataLeak.js';
export { countingDataLeak, type CountingDataLeakInput } from './bounds/countingDataLeak.js';
export { holevoSubadditiveDataLeak } from './bounds/holevoSubadditiveDataLeak.js';
export { holevoSymmetricDataLeak } from './bounds/holevoSymmetricDataLeak.js';
export { NETWORK_BOUND_MODELS, networkDataLeakBound, networkDataLeakShapes, type LayerDataLeakBound, type LayerShape, type NetworkBoundModel, type NetworkDataLeakBound, type NetworkDataLeakBoundInput } from './bounds/networkDataLeakBound.js';
export { holevoSymmetricGammaBound } from './bounds/holevoSymmetricGammaBound.js';
export { DATA_LEAK_MODEL_FIELDS, type DataLeakField, type PublishedDataLeakModel } from './bounds/dataLeak.js';
export { detectionProbability, type ChannelParameters, type DetectionProbabilityInput, type DetectionProbabilityResult, type FiniteSizeTestResult } from './verification/detectionProbability.js';
export { rowTotalTest, type RowCountStatistics, type RowPhotonLaw, type RowTotalShapeResult, type RowTotalStatisticResult, type RowTotalTestInput, type RowTotalTestResult, type ThermalModes } from './verification/rowTotalTest.js';
export { excessNoiseUpperBound } from './verification/excessNoiseUpperBound.js';

// Attack library
export { ATTACK_FIGURE_KINDS, DEFAULT_CONFIGURATION, type Attack, type AttackFigureKind, type AttackContext, type AttackEvaluation, type AttackOutcome, type AttackParameter, type AttackParameterValues, type AttackSide, type ConfigurationKey, type ProtocolConfiguration } from './attacks/attack.js';
export { resolveConfiguration } from './attacks/resolveConfiguration.js';
export { resolveAttackParameters } from './attacks/resolveAttackParameters.js';
export { ATTACKS, ATTACK_ALIASES, getAttack } from './attacks/registry.js';
export { runAttack } from './attacks/runAttack.js';

// Attack kit: the helpers the catalogue's attacks are built from, for attacks written outside qsdl (docs/writing-an-attack.md)
export { addLoss, clientOutcome, disturbance, honestActiveNoise, honestChannel, rowPhotonLaw, rowTotalDetection, serverDetects, weightBound, type RowNoiseShape, type SeenChannel, type WeightBound } from './attacks/kit/clientAccounting.js';
export { passive, subadditiveBound, symmetricBound, type NamedBound } from './attacks/kit/serverAccounting.js';
export { composedCopies, type ComposedCopies } from './attacks/kit/composedCopies.js';
export { homodyneInformation, homodyneSnr } from './attacks/kit/homodyneInformation.js';
export { withKind } from './attacks/kit/withKind.js';

export { clientCountermeasures, type CountermeasureInput, type CountermeasureRow } from './studies/clientCountermeasures.js';

// Errors
export { InputRangeError, InputTypeError, isInputError } from './inputError.js';
export { combineVerdicts, type ClaimVerdict, type EvidenceKind } from './studies/claimVerdict.js';
export { decidingEntry, operatingPointMargin, paperOperatingPoints, type OperatingPointEntry, type OperatingPointReport, type PaperOperatingPointsOptions } from './studies/paperOperatingPoints.js';

// Claims, certified audit and certificates (docs/claims.md)
export { CLAIM_DEFAULTS, ClaimsFileError, MAX_CLAIMS_BYTES, MAX_CLAIMS_DEPTH, parseClaims, type NetworkShapes } from './claims/parseClaims.js';
export { CLAIMS_SCHEMA, CLAIMS_SCHEMA_ID } from './claims/claimsSchema.js';
export { DATA_ADVERSARIES, isAttackClaim, thresholdBits, WEIGHT_ADVERSARIES, type AccuracyClaim, type AttackClaim, type Claim, type ClaimBudget, type ClaimLayer, type ClaimsFile, type DataAdversary, type LeakageClaim, type WeightAdversary } from './claims/claim.js';
export { DIMENSIONS, DIMENSION_NAMES, type Box, type DimensionInfo, type DimensionName, type Point, type Range } from './claims/dimensions.js';
export { bisectionPoint, boxFromPath, branchAndBound, DEFAULT_MEMORY_BOXES, MIN_MEMORY_BOXES, regionVerdict, verdictVolumes, type BoxVerdict, type DecidedBox, type ProofOptions, type ProofRun } from './claims/branchAndBound.js';
export { CERTIFICATE_FORMAT, certificateText, proveLeakageClaim, type CertificateBox, type ProvedClaim, type CertificateQuantity, type LeakageCertificate, type ShardSpec } from './claims/certificate.js';
export { canonicalJson, certificateHash } from './claims/canonicalJson.js';
export { accuracyEvidence, clopperPearson, type AccuracyEvidence } from './claims/accuracyEvidence.js';
export { auditClaims, auditVerdict, type AttackPoint, type AuditContext, type ClaimAudit, type DecisionMethod } from './claims/auditClaims.js';
export { solveOperatingPoint, type SolveGain, type SolveInput, type SolveResult } from './claims/solveOperatingPoint.js';
export { SHIPPED_CLAIMS } from './claims/shippedClaims.js';
export { auditReportHtml } from './render/auditReportHtml.js';
// The independent checker (shares no code with the prover)
export { checkCertificates, type CertificateText, type CheckedClaim, type CheckOptions, type CheckReport } from './check/checkCertificates.js';
