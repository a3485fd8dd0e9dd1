#include "ModeOde.h"

#include "ChebyshevStepper.h"
#include "GaussianExpectations.h"
#include "TestError.h"
#include "WeightNormError.h"

#include <boost/numeric/odeint.hpp>

#include <algorithm>
#include <cmath>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

namespace aedyn {

namespace {

using State = std::vector<double>;

std::string formatTime(double t)
{
    std::ostringstream out;
    out.precision(4);
    out << t;
    return out.str();
}

struct UndefinedExpectation : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Thrown from inside a step when a stop is requested; the step is abandoned, the points already reported stay.
struct StopRequested {};

// Flat layout of a ModeState: U, Z (Mt×K each, column-major), then Gq, Gr, Gt (K×K each, if a group exists),
// then β (K).
struct Layout {
    int Mt, K;
    bool gram;
    std::size_t size() const { return 2 * std::size_t(Mt) * K + (gram ? 3 * std::size_t(K) * K : 0) + K; }
    std::size_t gq() const { return 2 * std::size_t(Mt) * K; }
    std::size_t beta() const { return gq() + (gram ? 3 * std::size_t(K) * K : 0); }
};

using MapM = Eigen::Map<Eigen::MatrixXd>;
using MapCM = Eigen::Map<const Eigen::MatrixXd>;
using MapCV = Eigen::Map<const Eigen::VectorXd>;
using MapV = Eigen::Map<Eigen::VectorXd>;

void pack(const Layout& l, const ModeState& s, State& x)
{
    x.resize(l.size());
    MapM(x.data(), l.Mt, l.K) = s.U;
    MapM(x.data() + std::size_t(l.Mt) * l.K, l.Mt, l.K) = s.Z;
    if (l.gram) {
        MapM(x.data() + l.gq(), l.K, l.K) = s.Gq;
        MapM(x.data() + l.gq() + l.K * l.K, l.K, l.K) = s.Gr;
        MapM(x.data() + l.gq() + 2 * l.K * l.K, l.K, l.K) = s.Gt;
    }
    MapV(x.data() + l.beta(), l.K) = s.beta;
}

void unpack(const Layout& l, const double* x, ModeState& s)
{
    s.U = MapCM(x, l.Mt, l.K);
    s.Z = MapCM(x + std::size_t(l.Mt) * l.K, l.Mt, l.K);
    if (l.gram) {
        s.Gq = MapCM(x + l.gq(), l.K, l.K);
        s.Gr = MapCM(x + l.gq() + l.K * l.K, l.K, l.K);
        s.Gt = MapCM(x + l.gq() + 2 * l.K * l.K, l.K, l.K);
    } else {
        s.Gq.resize(0, 0);
        s.Gr.resize(0, 0);
        s.Gt.resize(0, 0);
    }
    s.beta = MapCV(x + l.beta(), l.K);
}

} // namespace

// The mode rows are processed in two fixed halves: sums over modes (Q1, R1, T0) are formed per half and then added,
// and the outputs are written per half. The halves are the same whichever thread computes them, so results do not
// depend on the number of threads. A helper thread shares the halves when the system is large enough to pay for the
// hand-over.
//
// A step hands over about 25 jobs (the right-hand side's three phases in each of its stages, Odeint's vector
// operations) of tens to hundreds of microseconds each. Sleeping on a condition variable between them cost a futex
// call and a wake-up on each side per job, a tenth of the CPU time of figure 5d's theory; both sides therefore spin
// a short while on an atomic counter before they sleep on it. And the halves are claimed, not assigned: the calling
// thread takes one half and then the other if the helper has not yet taken it. In the application the theory shares
// two cores with the SGD runs and the window, and a helper that was not scheduled held every job up (figure 5d's
// theory took 7.5 s beside a run, 2.7 s without).
class HalfWorker {
public:
    HalfWorker()
        : thread_([this] { loop(); })
    {
    }
    ~HalfWorker()
    {
        quit_.store(true, std::memory_order_relaxed);
        posted_.fetch_add(1, std::memory_order_release);
        posted_.notify_one();
        thread_.join();
    }
    HalfWorker(const HalfWorker&) = delete;
    HalfWorker& operator=(const HalfWorker&) = delete;

    // Runs job(0) and job(1), here or on the helper; returns when both are done. An exception of either is rethrown
    // (the first half's first) only after both have finished, so no job outlives its data.
    template <class Job>
    void both(const Job& job)
    {
        job_ = [&job](int h) { job(h); };
        errors_[0] = errors_[1] = nullptr;
        done_.store(0, std::memory_order_relaxed);
        for (std::atomic<bool>& claimed : claimed_)
            claimed.store(false, std::memory_order_release);  // after job_: a claim of a half sees this job
        posted_.fetch_add(1, std::memory_order_release);
        posted_.notify_one();
        runUnclaimedHalves(0);
        for (unsigned d; (d = done_.load(std::memory_order_acquire)) < 2;)
            awaitChange(done_, d);
        for (std::exception_ptr& error : errors_)
            if (error)
                std::rethrow_exception(std::exchange(error, nullptr));
    }

private:
    // Returns once `counter` no longer holds `old`: spinning for about as long as a long job takes (a fixed time, as
    // a pause instruction lasts 20 ns on one processor and 140 on another), then asleep.
    static void awaitChange(const std::atomic<unsigned>& counter, unsigned old)
    {
        const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(300);
        for (int spin = 1;; ++spin) {
            if (counter.load(std::memory_order_acquire) != old)
                return;
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
            if (spin % 32 == 0 && std::chrono::steady_clock::now() > until)
                break;
        }
        while (counter.load(std::memory_order_acquire) == old)
            counter.wait(old, std::memory_order_acquire);
    }

    // Runs the halves of the current job that no thread has claimed yet, its own half first: each thread then keeps
    // working on the same rows, in its own cache (taking whichever half came first was 5-10% slower).
    void runUnclaimedHalves(int own)
    {
        for (const int h : {own, 1 - own}) {
            if (claimed_[h].exchange(true, std::memory_order_acq_rel))
                continue;
            try {
                job_(h);
            } catch (...) {
                errors_[h] = std::current_exception();
            }
            done_.fetch_add(1, std::memory_order_release);
            done_.notify_one();
        }
    }

    void loop()
    {
        unsigned seen = 0;
        for (;;) {
            awaitChange(posted_, seen);
            seen = posted_.load(std::memory_order_acquire);
            if (quit_.load(std::memory_order_relaxed))
                return;
            // A hand-over found late may find its job done, or the next one posted: it claims what is left now.
            runUnclaimedHalves(1);
        }
    }

    std::function<void(int)> job_;           // written before the claims are reset, read after a half is claimed
    std::exception_ptr errors_[2];           // of each half, written before done_ counts it
    // Each counter on a cache line of its own: the spinning side's reads must not pull the other side's line away.
    alignas(64) std::atomic<unsigned> posted_{0};  // jobs handed over: wakes the helper
    alignas(64) std::atomic<bool> claimed_[2] = {true, true};  // whether a thread has taken each half
    alignas(64) std::atomic<unsigned> done_{2};    // halves of the current job finished
    std::atomic<bool> quit_{false};
    std::thread thread_;
};

// Scratch matrices of one right-hand side, sized once per integration so that evaluations do not allocate.
struct ModeOdeWorkspace {
    Eigen::MatrixXd Q1, R1, T0, Y, J, LT0, Xq, Xt;
    Eigen::MatrixXd RU;               // diag(ρ̃) U, Mt×K: used by the sums and by dZ
    Eigen::MatrixXd Q1h[2], R1h[2], T0h[2];  // per half, without the group: Q1 and T0 (lower halves), R1
    Eigen::MatrixXd Bu, Bz;           // K×K: dU = diag(ρ̃)(U Bu + η Z diag(M)) − κU, dZ = Z Bz + η RU diag(M)
    Eigen::VectorXd psi, beta;
    Expectations e;
    std::unique_ptr<HalfWorker> helper;  // null: both halves on the calling thread

    template <class Job>
    void halves(const Job& job)
    {
        if (helper) {
            helper->both(job);
        } else {
            job(0);
            job(1);
        }
    }
};

namespace {

// Worth a second thread: about 2·10⁴ state numbers or more (e.g. 160 modes at K = 64); smaller systems lose more
// in the hand-over than they gain.
bool useHelperThread(int Mt, int K)
{
    return std::size_t(Mt) * K >= 10000 && std::thread::hardware_concurrency() >= 2;
}

// Odeint's vector operations (Dormand–Prince's stage sums, the new state, the error estimate, the dense output),
// split at the middle of the state and run on the two halves like the right-hand side. With a full spectrum they took
// about a fifth of a step's wall time on one thread. The split point is fixed and each element is computed by the
// same expression whichever thread does it, so results do not depend on the number of threads.
class HalfAlgebra {
public:
    explicit HalfAlgebra(ModeOdeWorkspace* w)
        : w_(w)
    {
    }

    template <class Job>
    void halves(const Job& job) const
    {
        w_->halves(job);
    }

    template <class S1, class S2, class S3, class Op>
    void for_each3(S1& s1, S2& s2, S3& s3, Op op) const { apply(op, s1, s2, s3); }
    template <class S1, class S2, class S3, class S4, class Op>
    void for_each4(S1& s1, S2& s2, S3& s3, S4& s4, Op op) const { apply(op, s1, s2, s3, s4); }
    template <class S1, class S2, class S3, class S4, class S5, class Op>
    void for_each5(S1& s1, S2& s2, S3& s3, S4& s4, S5& s5, Op op) const { apply(op, s1, s2, s3, s4, s5); }
    template <class S1, class S2, class S3, class S4, class S5, class S6, class Op>
    void for_each6(S1& s1, S2& s2, S3& s3, S4& s4, S5& s5, S6& s6, Op op) const
    {
        apply(op, s1, s2, s3, s4, s5, s6);
    }
    template <class S1, class S2, class S3, class S4, class S5, class S6, class S7, class Op>
    void for_each7(S1& s1, S2& s2, S3& s3, S4& s4, S5& s5, S6& s6, S7& s7, Op op) const
    {
        apply(op, s1, s2, s3, s4, s5, s6, s7);
    }
    template <class S1, class S2, class S3, class S4, class S5, class S6, class S7, class S8, class Op>
    void for_each8(S1& s1, S2& s2, S3& s3, S4& s4, S5& s5, S6& s6, S7& s7, S8& s8, Op op) const
    {
        apply(op, s1, s2, s3, s4, s5, s6, s7, s8);
    }

private:
    template <class Op, class S1, class... S>
    void apply(Op op, S1& s1, S&... s) const
    {
        const std::size_t n = s1.size(), mid = n / 2;
        w_->halves([&](int h) {
            const std::size_t end = h == 0 ? mid : n;
            auto* p1 = s1.data();
            for (std::size_t i = h == 0 ? 0 : mid; i < end; ++i)
                op(p1[i], s.data()[i]...);
        });
    }

    ModeOdeWorkspace* w_;
};

// When to change method (see integrate): Dormand–Prince's stability interval on the negative real axis ends at
// about 3.3; a step whose hρ has reached 3 is held there rather than chosen by accuracy.
constexpr double kDopriStabilityBoundary = 3.3;
constexpr double kDopriStabilityLimit = 3.0;
constexpr long kFirstRadiusCheck = 30;     // accepted steps before the first estimate of ρ
constexpr long kRadiusCheckEvery = 30;     // and between two (each costs a few right-hand sides)
constexpr int kRateWindow = 5;             // Chebyshev steps over which its cost per unit of time is measured

// True when every number of x is finite, tested on both halves.
bool allFinite(const State& x, ModeOdeWorkspace& w)
{
    bool finite[2] = {true, true};
    const std::size_t mid = x.size() / 2;
    w.halves([&](int h) {
        const std::size_t begin = h == 0 ? 0 : mid, end = h == 0 ? mid : x.size();
        finite[h] = Eigen::Map<const Eigen::ArrayXd>(x.data() + begin, Eigen::Index(end - begin)).allFinite();
    });
    return finite[0] && finite[1];
}

} // namespace

ModeState modeStateFromWeights(const DataModel& data, const Weights& w)
{
    const double sqrtD = std::sqrt(static_cast<double>(w.D()));
    const Eigen::MatrixXd W = w.W, V = w.V;
    ModeState s;
    s.U = data.projectOnModes(W).transpose();
    s.Z = data.projectOnModes(V).transpose() / sqrtD;
    if (data.modes().bulkCount > 0) {
        // The group is the complement of the tracked modes: its Gram sums need no bulk eigenvectors (§6.8).
        s.Gq = W * W.transpose() - s.U.transpose() * s.U;
        s.Gr = V * W.transpose() / sqrtD - s.Z.transpose() * s.U;
        s.Gt = V * V.transpose() / (sqrtD * sqrtD) - s.Z.transpose() * s.Z;
    }
    s.beta = w.beta;
    return s;
}

ModeOde::ModeOde(const ModeSpectrum& spectrum, const TrainingRule& rule, OdeTolerances tol)
    : spectrum_(spectrum)
    , rule_(rule)
    , tol_(tol)
{
    if (rule.tied)
        throw std::invalid_argument("tied weights have no ODE (theory.md §3.4): simulation only");
}

OrderParameters ModeOde::orderParameters(const ModeState& s) const
{
    const Eigen::VectorXd& rho = spectrum_.rho;
    const double rb = spectrum_.bulkRho, D = spectrum_.D;
    const bool gram = s.Gq.size() > 0;
    OrderParameters op;
    op.Q1 = s.U.transpose() * rho.asDiagonal() * s.U;
    op.R1 = s.Z.transpose() * rho.asDiagonal() * s.U;
    op.T1 = s.Z.transpose() * rho.asDiagonal() * s.Z;
    op.T0 = s.Z.transpose() * s.Z;
    op.Q0 = s.U.transpose() * s.U;
    if (gram) {
        op.Q1 += rb * s.Gq;
        op.R1 += rb * s.Gr;
        op.T1 += rb * s.Gt;
        op.T0 += s.Gt;
        op.Q0 += s.Gq;
    }
    op.Q0 /= D;
    op.beta = s.beta;
    return op;
}

Observables ModeOde::observables(const ModeState& s, double t) const
{
    Observables o;
    o.t = t;
    o.op = orderParameters(s);
    const double tr = spectrum_.traceOverD();
    if (rule_.rule == Rule::Sanger)
        o.eps = sangerError(tr, spectrum_.D, o.op.Q1, o.op.Q0);
    else
        o.eps = populationError(rule_.activation, tr, o.op.Q1, o.op.R1, o.op.T0, o.op.beta);
    // ‖w_k‖² = Σ_τ u_k(τ)² + Gq_kk and ‖v_k‖²/D = Σ_τ z_k(τ)² + Gt_kk, taken without squaring the tracked part
    // (projections of 1e-200 have squares that underflow), so that no tracked projection exceeds its norm.
    const Eigen::Index K = s.U.cols();
    const bool gram = s.Gq.size() > 0;
    o.encoderNorm.resize(K);
    o.decoderNorm.resize(K);
    for (Eigen::Index k = 0; k < K; ++k) {
        o.encoderNorm(k) = std::hypot(s.U.col(k).stableNorm(), gram ? std::sqrt(std::max(0.0, s.Gq(k, k))) : 0.0);
        o.decoderNorm(k) = std::hypot(s.Z.col(k).stableNorm(), gram ? std::sqrt(std::max(0.0, s.Gt(k, k))) : 0.0);
    }
    const Eigen::Index shown = std::min<Eigen::Index>(s.U.rows(), kReportedModes);
    o.encoderProjection = s.U.topRows(shown).transpose();
    o.decoderProjection = s.Z.topRows(shown).transpose();
    return o;
}

void ModeOde::derivative(const ModeState& s, ModeState& ds) const
{
    ModeOdeWorkspace ws;
    const Layout l{static_cast<int>(s.U.rows()), static_cast<int>(s.U.cols()), s.Gq.size() > 0};
    State x, dx(l.size());
    pack(l, s, x);
    evaluate(l.Mt, l.K, l.gram, x.data(), dx.data(), ws);
    unpack(l, dx.data(), ds);
}

void ModeOde::evaluate(int Mt, int K, bool gram, const double* x, double* dx, ModeOdeWorkspace& w) const
{
    const Layout l{Mt, K, gram};
    const MapCM U(x, Mt, K), Z(x + std::size_t(Mt) * K, Mt, K);
    MapM dU(dx, Mt, K), dZ(dx + std::size_t(Mt) * K, Mt, K);
    const MapCV beta(x + l.beta(), K);
    MapV dBeta(dx + l.beta(), K);
    const Eigen::VectorXd& rho = spectrum_.rho;
    const double rb = spectrum_.bulkRho, eta = rule_.lr, kappa = rule_.wd;
    const double D = spectrum_.D, sqrtD = std::sqrt(D);

    if (rule_.rule == Rule::Sanger) {
        w.Q1.noalias() = U.transpose() * rho.asDiagonal() * U;
        if (gram)
            w.Q1 += rb * MapCM(x + l.gq(), K, K);
        // §6.11: linear encoder, no expectations; the decoder mirrors the encoder (z = u/√D).
        w.Y = w.Q1.triangularView<Eigen::Lower>();
        dU.noalias() = (eta / sqrtD) * rho.asDiagonal() * U;
        dU.noalias() -= (eta / D) * U * w.Y.transpose();
        dZ = dU / sqrtD;
        if (gram) {
            const MapCM Gq(x + l.gq(), K, K);
            MapM dGq(dx + l.gq(), K, K), dGr(dx + l.gq() + K * K, K, K), dGt(dx + l.gq() + 2 * K * K, K, K);
            w.Xq.noalias() = w.Y * Gq;
            dGq = eta * (2.0 * rb / sqrtD * Gq - (w.Xq + w.Xq.transpose()) / D);
            dGr = dGq / sqrtD;
            dGt = dGq / D;
        }
        dBeta.setZero();
        return;
    }

    // Q1, R1 and T0 are sums over the modes, each half of the rows summed on its own (see HalfWorker). Q1 = Uᵀ(diag(ρ̃) U)
    // and T0 = ZᵀZ are symmetric: only their lower halves are computed (a tenth less work than Q1 in full).
    const int half = Mt / 2;
    w.RU.resize(Mt, K);
    w.halves([&](int h) {
        const int r0 = h == 0 ? 0 : half, n = h == 0 ? half : Mt - half;
        const auto RUh = w.RU.middleRows(r0, n);
        w.RU.middleRows(r0, n).noalias() = rho.segment(r0, n).asDiagonal() * U.middleRows(r0, n);
        w.R1h[h].noalias() = Z.middleRows(r0, n).transpose() * RUh;
        w.Q1h[h].setZero(K, K);
        w.Q1h[h].triangularView<Eigen::Lower>() += U.middleRows(r0, n).transpose() * RUh;
        w.T0h[h].setZero(K, K);
        w.T0h[h].selfadjointView<Eigen::Lower>().rankUpdate(Z.middleRows(r0, n).transpose());
    });
    w.Q1 = (w.Q1h[0] + w.Q1h[1]).selfadjointView<Eigen::Lower>();
    w.R1 = w.R1h[0] + w.R1h[1];
    w.T0 = (w.T0h[0] + w.T0h[1]).selfadjointView<Eigen::Lower>();
    if (gram) {
        w.Q1 += rb * MapCM(x + l.gq(), K, K);
        w.R1 += rb * MapCM(x + l.gq() + K * K, K, K);
        w.T0 += MapCM(x + l.gq() + 2 * K * K, K, K);
    }
    // The K² pair expectations are shared by the two halves as well (about a tenth of a right-hand side).
    bool defined[2] = {false, false};
    w.beta = beta;
    if (prepareExpectations(rule_.activation, w.Q1, w.beta, w.e))
        w.halves([&](int h) { defined[h] = pairExpectations(rule_.activation, w.Q1, w.beta, w.e, h); });
    if (!defined[0] || !defined[1])
        throw UndefinedExpectation(rule_.activation == Activation::Relu
                                       ? "undefined Gaussian expectation (Q1_kk <= 0: a ReLU unit has no input)"
                                       : "undefined Gaussian expectation (non-finite order parameters)");
    const Expectations& e = w.e;

    // The mask L: vanilla sees every unit, truncated rules unit k only units a <= k (§6.3).
    const bool truncated = rule_.rule == Rule::Truncated || rule_.rule == Rule::TruncatedReference;
    w.LT0 = w.T0;
    if (truncated)
        w.LT0.triangularView<Eigen::StrictlyUpper>().setZero();
    w.psi.resize(K);
    if (rule_.rule == Rule::TruncatedReference) {
        // §6.5: the derivative factor inside the sum belongs to unit a.
        const Eigen::VectorXd PS = (e.P + e.S).diagonal();
        w.psi = w.R1.diagonal().cwiseProduct(e.N);
        w.Y = w.LT0 * PS.asDiagonal();
    } else {
        w.psi = w.R1.diagonal().cwiseProduct(e.N) - w.LT0.cwiseProduct(e.P).rowwise().sum();
        w.Y = w.LT0.cwiseProduct(e.S);
    }
    w.J = e.I2;
    if (truncated)
        w.J.triangularView<Eigen::StrictlyUpper>().setZero();

    // dU = η diag(ρ̃)(Z diag(M) + U diag(ψ) − U Yᵀ) − κU ;  dZ = η(diag(ρ̃) U diag(M) − Z Jᵀ) − κZ.
    // The K×K factors are formed first, so that each half of the rows costs one product per output.
    w.Bu = -eta * w.Y.transpose();
    w.Bu.diagonal() += eta * w.psi;
    w.Bz = -eta * w.J.transpose();
    w.Bz.diagonal().array() -= kappa;
    w.halves([&](int h) {
        const int r0 = h == 0 ? 0 : half, n = h == 0 ? half : Mt - half;
        auto dUh = dU.middleRows(r0, n);
        auto dZh = dZ.middleRows(r0, n);
        // The diagonal terms first, each in one pass over the rows, the products added to them (a product assigned
        // to a matrix is zero-filled first, an extra pass). diag(ρ̃) U Bu is RU Bu: ρ̃ needs no pass of its own.
        dUh = (rho.segment(r0, n).asDiagonal() * Z.middleRows(r0, n)) * (eta * e.M).asDiagonal() -
              kappa * U.middleRows(r0, n);
        dZh = w.RU.middleRows(r0, n) * (eta * e.M).asDiagonal();
        if (truncated) {
            // Yᵀ and Jᵀ are upper triangular for the truncated rules: half the work.
            dUh.noalias() += w.RU.middleRows(r0, n) * w.Bu.triangularView<Eigen::Upper>();
            dZh.noalias() += Z.middleRows(r0, n) * w.Bz.triangularView<Eigen::Upper>();
        } else {
            dUh.noalias() += w.RU.middleRows(r0, n) * w.Bu;
            dZh.noalias() += Z.middleRows(r0, n) * w.Bz;
        }
    });

    if (gram) {
        const MapCM Gq(x + l.gq(), K, K), Gr(x + l.gq() + K * K, K, K), Gt(x + l.gq() + 2 * K * K, K, K);
        MapM dGq(dx + l.gq(), K, K), dGr(dx + l.gq() + K * K, K, K), dGt(dx + l.gq() + 2 * K * K, K, K);
        w.Xq.noalias() = e.M.asDiagonal() * Gr;
        w.Xq.noalias() += w.psi.asDiagonal() * Gq;
        w.Xq.noalias() -= w.Y * Gq;
        dGq = eta * rb * (w.Xq + w.Xq.transpose()) - 2.0 * kappa * Gq;
        dGr = eta * (rb * e.M.asDiagonal() * Gq - w.J * Gr) +
              eta * rb * (Gt * e.M.asDiagonal() + Gr * w.psi.asDiagonal() - Gr * w.Y.transpose()) - 2.0 * kappa * Gr;
        w.Xt.noalias() = rb * e.M.asDiagonal() * Gr.transpose();
        w.Xt.noalias() -= w.J * Gt;
        dGt = eta * (w.Xt + w.Xt.transpose()) - 2.0 * kappa * Gt;
    }

    if (rule_.trainBias) {
        const Eigen::MatrixXd& F = e.F;
        if (rule_.rule == Rule::TruncatedReference)
            dBeta = eta * (w.R1.diagonal().cwiseProduct(e.H) - w.LT0 * F.diagonal());
        else
            dBeta = eta * (w.R1.diagonal().cwiseProduct(e.H) - w.LT0.cwiseProduct(F).rowwise().sum());
    } else {
        dBeta.setZero();
    }
}

OdeOutcome ModeOde::integrate(const ModeState& initial, const std::vector<double>& grid,
                              const std::function<bool(std::size_t, const ModeState&)>& onPoint,
                              const RunControl* control) const
{
    namespace odeint = boost::numeric::odeint;
    OdeOutcome out;
    if (grid.empty())
        return out;
    const Layout l{static_cast<int>(initial.U.rows()), static_cast<int>(initial.U.cols()), initial.Gq.size() > 0};
    ModeOdeWorkspace ws;
    if (useHelperThread(l.Mt, l.K))
        ws.helper = std::make_unique<HalfWorker>();
    State x;
    pack(l, initial, x);
    auto system = [&](const State& y, State& dy, double) {
        // One evaluation is the unit of work (about a millisecond for 784 modes at K = 64): poll here, not per step.
        if (control && !control->proceed())
            throw StopRequested{};
        ++out.evaluations;
        evaluate(l.Mt, l.K, l.gram, y.data(), dy.data(), ws);
    };

    using Dopri5 = odeint::runge_kutta_dopri5<State, double, State, double, HalfAlgebra>;
    using Controlled = odeint::controlled_runge_kutta<Dopri5, WeightNormError>;
    using Chebyshev = ChebyshevStepper<State, HalfAlgebra, WeightNormError>;
    const WeightNormError error(tol_.atol, tol_.rtol, l.Mt, l.K);
    odeint::dense_output_runge_kutta<Controlled> dopri{Controlled(error, {}, Dopri5(HalfAlgebra(&ws)))};
    double t = grid.front();
    dopri.initialize(x, t, 1e-3);
    // Dormand–Prince while accuracy sets its step; the Runge–Kutta–Chebyshev method once the step is held at
    // Dormand–Prince's stability boundary (hρ ≈ 3.3), and Dormand–Prince again if the Chebyshev steps cost more
    // right-hand sides per unit of time than Dormand–Prince's 6ρ/3.3 would (theory.md §6.12).
    std::optional<Chebyshev> chebyshev;
    State direction, probe, fProbe, fx;  // the power iteration's, kept warm between estimates
    long nextRadiusCheck = kFirstRadiusCheck;
    double dopriFrom = 0;  // Dormand–Prince only, until this time (after a return to it)
    long markEvaluations = 0;
    double markTime = 0;
    int chebyshevSteps = 0;
    auto now = [&] { return chebyshev ? chebyshev->current_time() : dopri.current_time(); };
    auto maybeSwitchToChebyshev = [&] {
        if (!tol_.chebyshev || out.steps < nextRadiusCheck || t < dopriFrom)
            return;
        nextRadiusCheck = out.steps + kRadiusCheckEvery;
        HalfAlgebra algebra(&ws);
        fx.resize(x.size());
        system(dopri.current_state(), fx, t);
        const double rho =
            Chebyshev::powerIteration(algebra, system, dopri.current_state(), fx, t, direction, probe, fProbe);
        if (dopri.current_time_step() * rho < kDopriStabilityLimit)
            return;
        chebyshev.emplace(HalfAlgebra(&ws), error);
        chebyshev->initialize(system, dopri.current_state(), t, dopri.current_time_step());
        if (!out.chebyshevFrom)
            out.chebyshevFrom = t;
        markEvaluations = out.evaluations;
        markTime = t;
        chebyshevSteps = 0;
    };
    auto maybeReturnToDopri = [&] {
        if (chebyshevSteps == 0 || chebyshevSteps % kRateWindow != 0)
            return;
        const double rate = double(out.evaluations - markEvaluations) / (t - markTime);
        markEvaluations = out.evaluations;
        markTime = t;
        if (rate <= 6.0 * chebyshev->spectral_radius() / kDopriStabilityBoundary)
            return;
        dopri.initialize(chebyshev->current_state(), t, chebyshev->last_step());
        chebyshev.reset();
        dopriFrom = 2 * t;  // step sizes scale with t: try again when it has doubled
    };
    ModeState s;
    State at(x.size());
    std::size_t i = 0;
    auto fail = [&](const std::string& reason) {
        out.ok = false;
        out.message = "integration failed at t = " + formatTime(t) + ": " + reason;
        return out;
    };
    try {
        while (i < grid.size()) {
            if (grid[i] <= now()) {
                if (i == 0 && grid[0] == now())
                    at = x;
                else if (chebyshev)
                    chebyshev->calc_state(grid[i], at);
                else
                    dopri.calc_state(grid[i], at);
                unpack(l, at.data(), s);
                out.tStop = grid[i];
                if (!onPoint(i, s)) {
                    out.ok = false;
                    out.cancelled = true;
                    return out;
                }
                ++i;
                continue;
            }
            // Every grid point up to now is out: the method may change here (each interpolates only its own steps).
            if (chebyshev)
                maybeReturnToDopri();
            else
                maybeSwitchToChebyshev();
            if (chebyshev)
                chebyshev->do_step(system);
            else
                dopri.do_step(system);
            ++out.steps;
            t = now();
            if (!allFinite(chebyshev ? chebyshev->current_state() : dopri.current_state(), ws)) {
                out.ok = false;
                out.nonFinite = true;
                out.message = "the theory produced non-finite values at t = " + formatTime(t);
                return out;
            }
            if ((chebyshev ? chebyshev->current_time_step() : dopri.current_time_step()) < 1e-12 * std::max(1.0, t))
                return fail("step size underflow");
            if (chebyshev)
                ++chebyshevSteps;
        }
    } catch (const StopRequested&) {
        out.ok = false;
        out.cancelled = true;
        return out;
    } catch (const UndefinedExpectation& e) {
        return fail(e.what());
    } catch (const odeint::step_adjustment_error&) {
        return fail("step size underflow");
    } catch (const ChebyshevStepUnderflow&) {
        return fail("step size underflow");
    }
    return out;
}

} // namespace aedyn
