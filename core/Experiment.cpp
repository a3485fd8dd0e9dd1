#include "Experiment.h"

#include "EigenbasisModel.h"
#include "ImageDataModel.h"
#include "SgdEnsemble.h"
#include "SpikedModel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace aedyn {

namespace {

// splitmix64 finaliser: derives independent seeds for rows, weights and streams from the user's one seed.
std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t salt)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (salt + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::string formatTime(double t)
{
    std::ostringstream out;
    out.precision(4);
    out << t;
    return out.str();
}

std::unique_ptr<DataModel> makeDataModel(const ExperimentConfig& c, std::uint64_t dataSeed)
{
    if (c.spectrum == SpectrumKind::Images)
        return std::make_unique<ImageDataModel>(
            ImageDataset::load(ImageSource{c.images, c.testImages, c.datasize}));
    if (c.spectrum == SpectrumKind::PowerLaw)
        return std::make_unique<EigenbasisModel>(EigenbasisModel::powerLawSpectrum(
            c.D, c.plAmplitude, c.plExponent, c.plFloor, c.normalise));
    return std::make_unique<SpikedModel>(c.D, c.spikes, c.sigma, c.rows, c.normalise, dataSeed);
}

} // namespace

std::vector<long long> logStepGrid(int D, double tMax, int pointsPerDecade)
{
    const long long last = std::max(1LL, std::llround(tMax * D));
    const double tFirst = std::max(1.0, D / 100.0) / D;
    std::vector<long long> steps{0};
    for (int i = 0;; ++i) {
        const double t = tFirst * std::pow(10.0, static_cast<double>(i) / pointsPerDecade);
        const long long s = std::llround(t * D);
        if (s >= last)
            break;
        if (s > steps.back())
            steps.push_back(s);
    }
    steps.push_back(last);
    return steps;
}

std::string divergenceCause(const ExperimentConfig& c, const Weights& initial, bool atStart)
{
    // The configuration's own extremes first: they make the run fail whatever the learning rate.
    std::vector<std::string> causes;
    if (c.wd >= c.D)
        causes.push_back("weight decay wd = " + formatTime(c.wd) + " is at least D = " + std::to_string(c.D) +
                         ", so the SGD factor 1 - wd/D is <= 0");
    const double biggestBias = initial.beta.size() > 0 ? initial.beta.cwiseAbs().maxCoeff() : 0.0;
    if (biggestBias >= kHugeInitialScale)
        causes.push_back("the initial biases are already huge (bias_init = " + formatTime(c.biasInit) + ")");
    double biggestWeight = 0.0;  // ‖w_k‖/√D and ‖v_k‖/√D, about init_std for random weights
    const double sqrtD = std::sqrt(static_cast<double>(initial.D()));
    for (Eigen::Index k = 0; k < initial.W.rows(); ++k)
        biggestWeight = std::max({biggestWeight, initial.W.row(k).stableNorm() / sqrtD,
                                  initial.V.rows() > k ? initial.V.row(k).stableNorm() / sqrtD : 0.0});
    if (biggestWeight > 0 && biggestWeight < 1e-100)
        causes.push_back("the initial weights are so small (|w|/sqrt(D) up to " + formatTime(biggestWeight) +
                         (c.init == InitKind::Random ? ", init_std = " + formatTime(c.initStd) : std::string()) +
                         ") that their squares underflow in double precision");
    if (biggestWeight >= kHugeInitialScale || !std::isfinite(biggestWeight))
        causes.push_back("the initial weights are already huge (|w|/sqrt(D) up to " + formatTime(biggestWeight) +
                         (c.init == InitKind::Random ? ", init_std = " + formatTime(c.initStd) : std::string()) + ")");
    if (causes.empty())
        return atStart ? "the error of the initial weights is already out of range (initial weights or biases too "
                         "large?)"
                       : "learning rate too large? lr = " + formatTime(c.lr);
    std::string all = causes.front();
    for (std::size_t i = 1; i < causes.size(); ++i)
        all += "; " + causes[i];
    return all + ", not the learning rate";
}

std::string nonFiniteCause(const ExperimentConfig& c)
{
    if (c.spectrum == SpectrumKind::Spiked && !(c.sigma * c.sigma < 1e300))
        return "sigma = " + formatTime(c.sigma) + " is too large for double precision: sigma^2 overflows";
    if (c.wd >= c.D)
        return "weight decay wd = " + formatTime(c.wd) + " is at least D = " + std::to_string(c.D);
    if (c.init == InitKind::Random && (c.initStd < 1e-100 || c.initStd > 1e100))
        return "init_std = " + formatTime(c.initStd) + " is out of the range double precision can follow";
    if (std::abs(c.biasInit) > 1e100)
        return "bias_init = " + formatTime(c.biasInit) + " is out of the range double precision can follow";
    return "learning rate lr = " + formatTime(c.lr) + " too large, or tolerances too loose?";
}

MeanSem meanSem(const std::vector<double>& values)
{
    MeanSem r;
    const double n = static_cast<double>(values.size());
    if (values.empty())
        return r;
    for (double v : values)
        r.mean += v;
    r.mean /= n;
    if (values.size() > 1) {
        double ss = 0.0;
        for (double v : values)
            ss += (v - r.mean) * (v - r.mean);
        r.sem = std::sqrt(ss / (n - 1.0) / n);
    }
    return r;
}

Experiment::Experiment(ExperimentConfig config)
    : config_(std::move(config))
{
    validate(config_);
    rule_ = config_.trainingRule();
    try {
        data_ = makeDataModel(config_, dataSeed());
        if (config_.spectrum == SpectrumKind::Images) {
            // The pixels fix D; the checks that involve D are made now that it is known.
            config_.D = data_->dimension();
            if (config_.K > config_.D)
                throw ConfigError("K = " + std::to_string(config_.K) + " is larger than D = " +
                                  std::to_string(config_.D) + " (the pixels of an image): an autoencoder needs K <= D");
            validate(config_);
        }
        initial_ = makeInitialWeights(*data_, rule_, config_.K, config_.init, config_.initStd, config_.biasInit,
                                      initSeed());
    } catch (const ConfigError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        throw ConfigError(e.what());
    } catch (const ImageFileError& e) {
        throw ConfigError(e.what());
    }
    steps_ = logStepGrid(config_.D, config_.tMax);
    times_.reserve(steps_.size());
    for (long long s : steps_)
        times_.push_back(static_cast<double>(s) / config_.D);
}

Experiment::~Experiment() = default;

std::uint64_t Experiment::dataSeed() const { return deriveSeed(config_.seed, 0); }
std::uint64_t Experiment::initSeed() const { return deriveSeed(config_.seed, 1); }
std::uint64_t Experiment::streamSeed() const { return deriveSeed(config_.seed, 2); }

std::vector<double> Experiment::pcaErrors() const { return data_->modes().pcaErrors(config_.K); }

bool Experiment::hasTheory() const { return !config_.tied; }

std::string Experiment::theoryUnavailableReason() const
{
    return hasTheory() ? std::string()
                       : "tied weights have no ODE (their spike projections move at a rate that grows with D, "
                         "theory.md §3.4): simulation only";
}

RunOutcome Experiment::runShownTheory(const TheoryCallback& onPoint, const RunControl* control) const
{
    if (hasTheory())
        return runTheory(onPoint, control);
    ExperimentConfig untied = config_;
    untied.tied = false;
    return Experiment(untied).runTheory(onPoint, control);
}

RunOutcome Experiment::runTheory(const TheoryCallback& onPoint, const RunControl* control) const
{
    RunOutcome out;
    if (!hasTheory()) {
        out.ok = false;
        out.message = theoryUnavailableReason();
        return out;
    }
    // A point with a non-finite value (overflowing data variance, underflowing weights, a wild integration) stops
    // the route before it is emitted: no curve ever receives nan or inf from the theory.
    bool nonFinite = false;
    double badTime = 0.0, lastGood = 0.0;
    const ModeOde ode(data_->modes(), rule_, OdeTolerances{config_.rtol, config_.atol});
    const OdeOutcome r = ode.integrate(
        modeStateFromWeights(*data_, initial_), times_,
        [&](std::size_t i, const ModeState& s) {
            if (control && !control->proceed())
                return false;
            const Observables o = ode.observables(s, times_[i]);
            if (!o.allFinite()) {
                nonFinite = true;
                badTime = times_[i];
                return false;
            }
            onPoint(i, o);
            lastGood = times_[i];
            return true;
        },
        control);
    out.ok = r.ok;
    out.cancelled = r.cancelled;
    out.tStop = r.tStop;
    out.message = r.message;
    if (r.nonFinite)
        out.message += " (" + nonFiniteCause(config_) + ")";
    if (nonFinite) {
        out.ok = false;
        out.cancelled = false;
        out.tStop = lastGood;
        out.message = "the theory produced non-finite values at t = " + formatTime(badTime) + " (" +
                      nonFiniteCause(config_) + ")";
    }
    return out;
}

RunOutcome Experiment::runSimulation(const SimulationCallback& onPoint, const ProgressCallback& onProgress,
                                     const RunControl* control, int threads) const
{
    using Clock = std::chrono::steady_clock;
    RunOutcome out;
    SgdEnsemble ensemble(*data_, rule_, initial_, config_.runs, streamSeed(), threads);
    const double D = config_.D;
    // A chunk of about 20 ms of work between progress reports, whatever D and K are.
    const long long chunk = std::max(256LL, static_cast<long long>(2e7 / (D * config_.K * config_.runs)));
    const double chance = 0.5 * data_->modes().traceOverD();
    auto lastReport = Clock::now();
    std::vector<Observables> perRun(config_.runs);

    for (std::size_t i = 0; i < steps_.size(); ++i) {
        while (ensemble.step() < steps_[i]) {
            const long long target = std::min(steps_[i], ensemble.step() + chunk);
            if (!ensemble.advanceTo(target, control)) {
                out.ok = false;
                if (!ensemble.divergence().empty()) {
                    out.tStop = ensemble.divergenceTime();
                    out.message = "diverged at t = " + formatTime(out.tStop) + " (" +
                                  divergenceCause(config_, initial_, false) + ")";
                } else {
                    out.cancelled = true;
                    out.tStop = ensemble.step() / D;
                }
                return out;
            }
            if (onProgress && Clock::now() - lastReport > std::chrono::milliseconds(50)) {
                lastReport = Clock::now();
                onProgress(ensemble.step() / D);
            }
        }
        for (int r = 0; r < config_.runs; ++r) {
            // At D = 20000, K = 64 one run's observables cost ~0.1 s (seconds under sanitizers): a stop may not wait
            // for all runs.
            if (control && !control->proceed()) {
                out.ok = false;
                out.cancelled = true;
                out.tStop = ensemble.step() / D;
                return out;
            }
            perRun[r] = observablesFromWeights(*data_, rule_, ensemble.weights(r), times_[i]);
            // An exploding error is a divergence even while the weights are still finite (§3.11).
            if (!perRun[r].allFinite() || perRun[r].eps > 1e6 * chance) {
                out.ok = false;
                out.tStop = times_[i];
                out.message = "diverged at t = " + formatTime(times_[i]) + " (" +
                              divergenceCause(config_, initial_, i == 0) + ")";
                return out;
            }
        }
        onPoint(i, perRun, ensemble.weights(0));
        out.tStop = times_[i];
    }
    if (onProgress)
        onProgress(out.tStop);
    return out;
}

} // namespace aedyn
