#pragma once
// Each unit's weight vector over the input index, from the first SGD run at the kept time nearest the time cursor's
// (RunResults keeps the weights at a bounded number of times; the title says which when it is not the time the
// other panels show), with the component along its
// best-matching eigenvector overlaid dashed: with sinusoidal spike rows (figure 5) a unit that has learnt an
// eigenvector draws it. Decoder vectors are shown by default because their bulk part decays, while a randomly
// initialised encoder keeps its bulk noise for times of order D (theory.md §3.10).
//
// The curves are D points each (ten thousand and more), so they are painted off the GUI thread into an image of
// the plot area (OffThreadPainter); the chart itself holds only the axes and one empty series per unit for the
// legend.
#include "DashboardChart.h"
#include "RunResults.h"

#include <QImage>
#include <QWidget>

class OffThreadPainter;
class QChart;
class QComboBox;
class QGraphicsPixmapItem;
class QLineSeries;
class QValueAxis;

class WeightVectorChart : public QWidget, public DashboardChart {
    Q_OBJECT
public:
    explicit WeightVectorChart(QWidget* parent = nullptr);
    // A new style (lecture mode, the theme) is drawn at once, not at the next new weights.
    void setChartStyle(const ChartStyle& style) override;
    void refresh(const aedyn::RunResults& store) override;
    // Figures for export: the curves painted at once, on the calling thread.
    void paintAtOnce();
    // For tests: the picture of the curves shown, and the painter that made it.
    QImage picture() const { return picture_; }
    const OffThreadPainter* painter() const { return painter_; }

private:
    void requestPicture();
    // The chart's title with the time of the weights drawn, and the index axis' title.
    void showTitles(const aedyn::RunResults* store, bool inEigenbasis);
    void showPicture();

    QChart* chart_;
    QValueAxis* indexAxis_;
    QValueAxis* valueAxis_;
    QComboBox* which_;
    QList<QLineSeries*> legend_;  // no points: a legend entry per unit drawn
    OffThreadPainter* painter_;
    QGraphicsPixmapItem* curves_;
    QImage picture_;
    double rangeExtent_ = 0.0;  // the largest |weight| the value axis was chosen for
    const aedyn::RunResults* store_ = nullptr;
    quint64 drawnVersion_ = ~quint64(0);  // the weights already drawn, with the selection below
    std::size_t drawnIndex_ = ~std::size_t(0);  // the grid index of the kept weights drawn
    int drawnSelection_ = -1;
    bool drawnStale_ = false;
};
