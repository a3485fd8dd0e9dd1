#include "EigenbasisChart.h"

#include "ChangedOnly.h"
#include "ChartSeries.h"
#include "ChartStyle.h"
#include "OverlapMap.h"
#include "PageFit.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

EigenbasisChart::EigenbasisChart(QWidget* parent)
    : QWidget(parent)
    , modeAxis_(new QBarCategoryAxis)
    , cosAxis_(new QValueAxis)
{
    auto* view = new QChartView;
    view->setRenderHint(QPainter::Antialiasing);
    chart_ = view->chart();
    modeAxis_->setGridLineVisible(false);
    cosAxis_->setTitleText(QStringLiteral("|cos(w_k, e_m)|"));
    setShortTitle(cosAxis_, {QStringLiteral("|cos|")});
    connect(chart_, &QChart::plotAreaChanged, this, [this] {
        fitWords(!style_.page);
        if (!style_.page)  // a page's title, once set, is PageFit's to shorten
            fitTitle();
    });
    cosAxis_->setRange(0, 1);
    cosAxis_->setTickCount(3);
    cosAxis_->setLabelFormat(QStringLiteral("%g"));
    chart_->addAxis(modeAxis_, Qt::AlignBottom);
    chart_->addAxis(cosAxis_, Qt::AlignLeft);
    setToolTip(QStringLiteral("Each unit's encoder w_k against the eigenvectors of the input covariance, at the time "
                              "cursor's time: |cos(w_k, e_m)| for the leading eigenvectors and, as ⊥, the share of "
                              "w_k outside them, ‖w_k − Σ_m (w_k·e_m) e_m‖/‖w_k‖. Lines: ODE; hollow markers: SGD "
                              "mean."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
}

void EigenbasisChart::ensureSeries(int units, int modes)
{
    while (theoryLines_.size() > units) {
        for (QAbstractSeries* s :
             std::initializer_list<QAbstractSeries*>{theoryLines_.takeLast(), simulationMarkers_.takeLast()}) {
            chart_->removeSeries(s);
            delete s;
        }
    }
    while (theoryLines_.size() < units) {
        auto* line = new QLineSeries;
        line->setName(QStringLiteral("unit %1").arg(theoryLines_.size() + 1));
        line->setPointsVisible(true);
        auto* markers = new QScatterSeries;
        markers->setMarkerSize(9);
        markers->setColor(Qt::transparent);  // hollow: the theory's point shows through
        for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{line, markers}) {
            chart_->addSeries(s);
            s->attachAxis(modeAxis_);
            s->attachAxis(cosAxis_);
        }
        chart_->legend()->markers(markers).first()->setVisible(false);
        theoryLines_.append(line);
        simulationMarkers_.append(markers);
    }
    modes_ = modes;
}

void EigenbasisChart::fitWords(bool titles)
{
    // Categories narrower than "e8" with room to spare (nine of them in a single-column panel) are numbered only:
    // Qt Charts would elide every label. The rest outside the modes is ⊥ (the x axis' title and the tooltip say so).
    const QRectF plot = chart_->plotArea();
    const double room = plot.width() / (modes_ + 1);
    const bool numbered = room < QFontMetricsF(modeAxis_->labelsFont()).horizontalAdvance(QStringLiteral("e8")) + 12;
    QStringList categories;
    for (int m = 1; m <= modes_; ++m)
        categories << (numbered ? QString::number(m) : QStringLiteral("e%1").arg(m));
    categories << QStringLiteral("⊥");
    if (modeAxis_->categories() != categories)  // new categories lay the whole chart out again
        modeAxis_->setCategories(categories);  // category j sits at x = j
    if (!titles)
        return;  // a page's titles are set once, then fitted by PageFit
    // On screen a short panel (the dashboard at 720 lines) leaves the mode axis' title to the tooltip rather than
    // squeeze its labels (Qt Charts elides them), and takes the short value title rather than an elided one.
    const QString modes = style_.page || chart_->size().height() > 260
                              ? QStringLiteral("eigenvector e_m; ⊥: the share of w_k outside them")
                              : QString();
    if (modeAxis_->titleText() != modes) {
        modeAxis_->setTitleText(modes);
        setShortTitle(modeAxis_, {QStringLiteral("e_m; ⊥: outside them"), QStringLiteral("e_m")});
    }
    const QString full = QStringLiteral("|cos(w_k, e_m)|");
    const QString value = style_.page || QFontMetricsF(cosAxis_->titleFont()).horizontalAdvance(full) < plot.height()
                              ? full
                              : QStringLiteral("|cos|");
    if (cosAxis_->titleText() != value)
        cosAxis_->setTitleText(value);
}

void EigenbasisChart::applyStyle(bool theoryStale, bool simulationStale)
{
    if (chart_->legend()->isVisible() != unitLegend_)
        chart_->legend()->setVisible(unitLegend_);
    for (qsizetype k = 0; k < theoryLines_.size(); ++k) {
        const QPen line(theoryStale ? style_.reference() : style_.unit(int(k)), style_.pen(1.5));
        const QPen marker(simulationStale ? style_.reference() : style_.unit(int(k)), style_.pen(1.5));
        // Only when they change: each change lays the legend out again.
        if (theoryLines_[k]->pen() != line) {
            theoryLines_[k]->setPen(line);
            theoryLines_[k]->setBrush(line.color());
        }
        if (simulationMarkers_[k]->pen() != marker)
            simulationMarkers_[k]->setPen(marker);
    }
}

void EigenbasisChart::refresh(const aedyn::RunResults& store)
{
    theory_.resize(0, 0);
    simulation_.resize(0, 0);
    for (const aedyn::Series& s : aedyn::eigenbasisSeries(store, aedyn::kChartUnits, kOverlapModes)) {
        Eigen::MatrixXd& m = s.route == "ode" ? theory_ : simulation_;
        (s.route == "ode" ? theoryTime_ : simulationTime_) = s.t.front();
        if (m.rows() <= s.unit || m.cols() <= s.mode)
            m.conservativeResize(std::max<Eigen::Index>(m.rows(), s.unit + 1), std::max<Eigen::Index>(m.cols(), s.mode + 1));
        m(s.unit, s.mode) = s.y.front();
    }
    const int units = static_cast<int>(std::max(theory_.rows(), simulation_.rows()));
    const int columns = static_cast<int>(std::max(theory_.cols(), simulation_.cols()));
    ensureSeries(units, std::max(1, columns - 1));
    applyStyle(store.theoryStale, store.simulationStale);
    fitWords(true);
    auto points = [](const Eigen::MatrixXd& m, int k) {
        QList<QPointF> p;
        for (Eigen::Index j = 0; k < m.rows() && j < m.cols(); ++j)
            p.append({double(j), m(k, j)});
        return p;
    };
    for (int k = 0; k < units; ++k) {
        replaceIfChanged(theoryLines_[k], points(theory_, k));
        replaceIfChanged(simulationMarkers_[k], points(simulation_, k));
    }
    // The time said in the title: one when both routes show the same, else each route's.
    auto at = [](double t) { return QString::number(t, 'g', 3); };
    QString when;
    if (theory_.size() && simulation_.size() && at(theoryTime_) != at(simulationTime_))
        when = QStringLiteral(", t = %1 (ODE), %2 (SGD)").arg(at(theoryTime_), at(simulationTime_));
    else if (theory_.size() || simulation_.size())
        when = QStringLiteral(", t = %1").arg(at(theory_.size() ? theoryTime_ : simulationTime_));
    const QString some =
        store.setup().K > units && units > 0 ? QStringLiteral(", units 1–%1 of %2").arg(units).arg(store.setup().K) : QString();
    // On screen the tooltip says what lines and markers are, and the title keeps the time in view.
    const QString key = style_.page ? QStringLiteral(" (lines ODE, markers SGD mean)") : QString();
    const QStringList titles{QStringLiteral("<b>Encoders in the eigenbasis</b>%1%2%3").arg(when, some, key),
                             QStringLiteral("<b>Encoders in the eigenbasis</b>%1").arg(when),
                             QStringLiteral("<b>Eigenbasis</b>%1").arg(when), QStringLiteral("<b>Eigenbasis</b>")};
    if (titles_ != titles) {
        titles_ = titles;
        setShortTitle(chart_, titles.mid(1));
        fitTitle();
    }
}

void EigenbasisChart::fitTitle()
{
    // On screen the chart's width decides (a 1024×768 dashboard read "Encoders in the..."); a page takes the whole
    // title, which PageFit shortens where it does not fit.
    if (titles_.isEmpty())
        return;
    const QMargins m = chart_->margins();
    const QString title =
        style_.page ? titles_.first()
                    : longestFitting(chart_->titleFont(), chart_->size().width() - m.left() - m.right() - 8, titles_);
    if (chart_->title() != title)
        chart_->setTitle(title);
}
