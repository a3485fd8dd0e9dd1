#include "ImageViews.h"

#include "ChartStyle.h"
#include "ImageTiles.h"
#include "OffThreadPainter.h"
#include "Reconstruction.h"

#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>
#include <optional>
#include <utility>

namespace {

constexpr int kShownUnits = 8;  // a page of units: two rows of four unit-and-eigen-image pairs stay readable

QString pageText(int page, int K, bool brief)
{
    const int first = page * kShownUnits + 1, last = std::min(K, first + kShownUnits - 1);
    const QString range = first == last ? QString::number(first) : QStringLiteral("%1–%2").arg(first).arg(last);
    return brief ? range : QObject::tr("units %1").arg(range);
}

} // namespace

ImageViews::ImageViews(QWidget* parent)
    : QWidget(parent)
    , tabs_(new QTabWidget)
    , units_(new ImageTiles)
    , reconstructions_(new ImageTiles)
    , which_(new QComboBox)
    , page_(new QComboBox)
    , partial_(new QSpinBox)
    , status_(new QLabel)
    , painter_(new OffThreadPainter(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    which_->addItems({tr("encoder w_k"), tr("decoder v_k")});
    which_->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // its width follows the wording fitControls chooses
    which_->setToolTip(tr("Which weights to draw as images. A random encoder keeps its initial noise in the weak "
                          "directions for a long time (theory.md §3.10); the decoder's decays."));
    page_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    page_->setToolTip(tr("Which eight units the first tab draws, beside the eigen-images of the same numbers (truncated "
                         "SGD learns them in order)"));
    partial_->setRange(1, 1);
    partial_->setPrefix(tr("first m = "));
    partial_->setSuffix(tr(" units"));
    partial_->setToolTip(tr("Partial reconstruction with only the first m units (figure 5d)"));
    unitsLabel_ = new QLabel(tr("Units:"));
    auto* unitsLabel = unitsLabel_;
    controls_ = controls;
    controls->addWidget(unitsLabel);
    controls->addWidget(which_);
    controls->addWidget(page_);
    controls->addSpacing(12);
    controls->addWidget(partial_);
    controls->addStretch(1);
    controls->addWidget(status_);
    for (QWidget* w : std::initializer_list<QWidget*>{unitsLabel, which_, page_, partial_, status_, tabs_->tabBar()})
        markControl(w);
    layout->addLayout(controls);
    tabs_->addTab(units_, tr("Eigen-images and units"));
    tabs_->addTab(reconstructions_, tr("Reconstructions"));
    tabs_->setTabToolTip(0, tr("The leading eigen-images of the training set and each unit's encoder or decoder"));
    tabs_->setTabToolTip(1, tr("Test images and their reconstructions: by the network (all K units, and its first m) "
                               "and by PCA of the same ranks"));
    layout->addWidget(tabs_, 1);
    units_->setPlaceholder(tr("Waiting for the data…"));
    reconstructions_->setPlaceholder(tr("Press Run: test images are reconstructed by the network as it learns."));
    connect(which_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(page_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(tabs_, &QTabWidget::currentChanged, this, [this] { showControlsOfTab(); });
    connect(partial_, &QSpinBox::valueChanged, this, [this] { rebuild(); });
    showControlsOfTab();
}

void ImageViews::refresh(const aedyn::RunResults& store)
{
    store_ = &store;
    const aedyn::RunSetup& s = store.setup();
    const aedyn::KeptWeights* kept = store.shownWeights();
    if (s.K != pagedUnits_) {
        const int pages = (std::max(1, s.K) + kShownUnits - 1) / kShownUnits;
        const QSignalBlocker block(page_);
        const int current = std::min(std::max(0, page_->currentIndex()), pages - 1);
        page_->clear();
        for (int p = 0; p < pages; ++p)
            page_->addItem(pageText(p, s.K, false));
        page_->setCurrentIndex(current);
        pagedUnits_ = s.K;
        drawnVersion_ = ~quint64(0);  // the tiles' numbers change with K
        showControlsOfTab();
    }
    if (store.firstRunVersion() == drawnVersion_ && s.eigenvectors.data() == drawnEigenvectors_ &&
        (kept ? kept->index : ~std::size_t(0)) == drawnIndex_)
        return;  // nothing new since the last drawing
    if (partial_->maximum() != std::max(1, s.K)) {
        const QSignalBlocker block(partial_);
        partial_->setRange(1, std::max(1, s.K));
        partial_->setValue(std::min(5, std::max(1, s.K)));  // the paper shows five units
    }
    rebuild();
}

namespace {

// What the painter's thread needs, copied: nothing it reads may change under it.
struct TilesRequest {
    int rows = 0, cols = 0, K = 0, partial = 1;
    int firstUnit = 0;  // the page's first unit (0-based)
    Eigen::MatrixXd eigenvectors, testImages;
    std::optional<aedyn::Weights> weights;  // the first run's, when they belong to these parameters
    aedyn::TrainingRule rule;
    bool decoder = false;
};

struct Tiles {
    QList<QList<ImageTile>> units, reconstructions;
    QStringList titles;
};

Tiles paintTiles(const TilesRequest& r)
{
    Tiles out;
    const int R = r.rows, C = r.cols;
    // The eigen-images of the page's numbers (the leading ones on the first page), then the page's units, each
    // beside the eigen-image it overlaps most.
    QList<ImageTile> eigenRow;
    const int nEigen = std::min<int>(r.firstUnit + kShownUnits, static_cast<int>(r.eigenvectors.cols()));
    for (int tau = r.firstUnit; tau < nEigen; ++tau)
        eigenRow.append({ImageTiles::diverging(r.eigenvectors.col(tau), R, C), QStringLiteral("e%1").arg(tau + 1)});
    out.units.append(eigenRow);
    if (r.weights) {
        const auto& M = r.decoder ? r.weights->V : r.weights->W;
        QList<ImageTile> row;
        for (int k = r.firstUnit; k < std::min(r.K, r.firstUnit + kShownUnits); ++k) {
            const Eigen::VectorXd w = M.row(k).transpose();
            const Eigen::VectorXd cosines = (r.eigenvectors.transpose() * w).cwiseAbs() / std::max(w.norm(), 1e-300);
            Eigen::Index best = 0;
            const double c = cosines.maxCoeff(&best);
            row.append({ImageTiles::diverging(w, R, C), QStringLiteral("%1%2").arg(r.decoder ? "v" : "w").arg(k + 1)});
            row.append({ImageTiles::diverging(r.eigenvectors.col(best), R, C),
                        QStringLiteral("e%1 %2").arg(best + 1).arg(c, 0, 'f', 2)});
            if (row.size() == 8) {
                out.units.append(row);
                row.clear();
            }
        }
        if (!row.isEmpty())
            out.units.append(row);
    }

    // Reconstructions of the test images, all in the grey scale of their original.
    const int K = r.K, m = std::min(r.partial, K);
    const int rankK = std::min<int>(K, static_cast<int>(r.eigenvectors.cols()));
    for (int i = 0; i < r.testImages.cols(); ++i) {
        const Eigen::VectorXd x = r.testImages.col(i);
        const double lo = x.minCoeff(), hi = x.maxCoeff();
        auto pca = [&](int rank) { return aedyn::pcaReconstruct(r.eigenvectors, x, rank); };
        auto network = [&](int units) {
            return r.weights ? ImageTile{ImageTiles::grey(aedyn::reconstruct(r.rule, *r.weights, x, units), R, C, lo, hi), {}}
                             : ImageTile{QImage(), QObject::tr("(run)")};
        };
        out.reconstructions.append({{ImageTiles::grey(x, R, C, lo, hi), {}},
                                    network(K),
                                    {ImageTiles::grey(pca(rankK), R, C, lo, hi), {}},
                                    network(m),
                                    {ImageTiles::grey(pca(std::min(m, rankK)), R, C, lo, hi), {}}});
    }
    out.titles = QStringList{QObject::tr("original"), QObject::tr("K = %1").arg(K), QObject::tr("PCA %1").arg(rankK),
                             QObject::tr("units 1–%1").arg(m), QObject::tr("PCA %1").arg(std::min(m, rankK))};
    return out;
}

} // namespace

void ImageViews::paintAtOnce() { painter_->setInline(true); }

void ImageViews::resizeEvent(QResizeEvent* e)
{
    QWidget::resizeEvent(e);
    fitControls();
}

bool ImageViews::onFigurePage() const
{
    return tabs_->tabBar()->isHidden();  // FigureExport hides every control, the tab bar among them
}

void ImageViews::showControlsOfTab()
{
    // Each tab's own controls only: the units' choices beside the units, m beside the reconstructions. All of them
    // in one row needed more than the 190 pixels the view has beside the overlap map of a 1024-pixel screen.
    if (onFigurePage())
        return;  // a figure's page: its controls stay hidden
    const bool units = tabs_->currentIndex() == 0;
    which_->setVisible(units);
    page_->setVisible(units && page_->count() > 1);
    partial_->setVisible(!units);
    fitControls();
}

void ImageViews::fitControls()
{
    // The controls' row keeps one line and whole words: shorter wordings, one step at a time, until it fits (next
    // to the overlap map of a 1024-pixel screen the full row needs twice the width it has, and Qt cut the
    // combo box to "en" and the status to "first SG").
    if (onFigurePage())
        return;
    // The tabs' names likewise: Qt scrolled "Reconstructions" out of a lecture's 1024-pixel view.
    // Beside the parameter dock of a 1024-pixel screen even "Eigen-images" and "Reconstructions" scrolled: then the
    // second is abbreviated (its tooltip has the whole name).
    // Measured, not tried: this runs with every new kept weight, and each setTabText lays the tab bar out again.
    const QFontMetrics fm(tabs_->tabBar()->font());
    const int padding = tabs_->tabBar()->sizeHint().width() - fm.horizontalAdvance(tabs_->tabText(0)) -
                        fm.horizontalAdvance(tabs_->tabText(1));
    auto fit = [&](const QString& a, const QString& b) {
        return padding + fm.horizontalAdvance(a) + fm.horizontalAdvance(b) <= tabs_->width();
    };
    QString first = tr("Eigen-images and units"), second = tr("Reconstructions");
    if (!fit(first, second))
        first = tr("Eigen-images");
    if (!fit(first, second))
        second = tr("Recon.");
    for (const auto& [i, text] : {std::pair{0, first}, std::pair{1, second}})
        if (tabs_->tabText(i) != text)
            tabs_->setTabText(i, text);
    const int room = width() - controls_->contentsMargins().left() - controls_->contentsMargins().right();
    // Each wording is set only when it changes: this runs with every new kept weight of a run.
    auto setItem = [this](int i, const QString& text) {
        if (which_->itemText(i) != text)
            which_->setItemText(i, text);
    };
    for (int step = 0; step <= 4; ++step) {
        unitsLabel_->setVisible(!which_->isHidden() && step < 2);
        setItem(0, step < 3 ? tr("encoder w_k") : tr("w_k"));
        setItem(1, step < 3 ? tr("decoder v_k") : tr("v_k"));
        for (int p = 0; p < page_->count(); ++p)
            if (const QString text = pageText(p, pagedUnits_, step >= 2); page_->itemText(p) != text)
                page_->setItemText(p, text);
        if (const QString prefix = step < 3 ? tr("first m = ") : tr("m = "); partial_->prefix() != prefix) {
            partial_->setPrefix(prefix);
            partial_->setSuffix(step < 3 ? tr(" units") : QString());
        }
        if (!statusTexts_.isEmpty() && status_->text() != statusTexts_[step < 1 ? 0 : 1])
            status_->setText(statusTexts_[step < 1 ? 0 : 1]);
        status_->setVisible(step < 4);
        controls_->invalidate();  // the hints of the words just set, spacing as the layout counts it
        if (controls_->sizeHint().width() <= room)
            return;
    }
}

void ImageViews::rebuild()
{
    if (!store_)
        return;
    const aedyn::RunSetup& s = store_->setup();
    drawnVersion_ = store_->firstRunVersion();
    drawnEigenvectors_ = s.eigenvectors.data();
    const int R = s.imageRows, C = s.imageCols;
    if (R == 0 || s.eigenvectors.rows() != R * C) {
        units_->setTiles({});
        reconstructions_->setTiles({});
        return;
    }
    const aedyn::KeptWeights* kept = store_->shownWeights();
    const aedyn::Weights* weights = kept ? kept->w.get() : nullptr;
    const bool haveWeights = weights && weights->D() == R * C && weights->K() == s.K && !store_->simulationStale;
    drawnIndex_ = kept ? kept->index : ~std::size_t(0);
    // The time of the weights: the kept time nearest the time cursor's.
    statusTexts_ = haveWeights ? QStringList{tr("first SGD run, t = %1").arg(kept->t, 0, 'g', 3),
                                             tr("t = %1").arg(kept->t, 0, 'g', 3)}
                               : QStringList{tr("not run yet"), tr("not run")};
    status_->setToolTip(statusTexts_.front());
    fitControls();
    units_->setToolTip(tr("Top row: eigen-images of Ω, the leading ones or those numbered as the units shown (blue "
                          "negative, orange positive). Below: each unit's weights beside the eigen-image it overlaps "
                          "most, with |cos|."));
    TilesRequest r;
    r.rows = R;
    r.cols = C;
    r.K = s.K;
    r.partial = partial_->value();
    r.firstUnit = std::max(0, page_->currentIndex()) * kShownUnits;
    r.eigenvectors = s.eigenvectors;
    r.testImages = s.testImages;
    if (haveWeights)
        r.weights = *weights;
    r.rule = s.rule;
    r.decoder = which_->currentIndex() == 1 && !s.rule.tied && s.rule.rule != aedyn::Rule::Sanger;
    painter_->paint([this, r = std::move(r)] {
        return [this, t = paintTiles(r)] {
            units_->setTiles(t.units);
            reconstructions_->setTiles(t.reconstructions, t.titles);
        };
    });
}
