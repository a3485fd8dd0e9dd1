#pragma once
// The spectrum of the input covariance, ρ_τ/D against τ on log-log axes: the tracked eigenvalues (spikes) as
// coloured markers, the degenerate bulk as a grey level with its multiplicity.
#include "DashboardChart.h"
#include "RunResults.h"

#include <QChartView>

#include <vector>

class QLineSeries;
class QLogValueAxis;
class QScatterSeries;

class SpectrumChart : public QChartView, public DashboardChart {
    Q_OBJECT
public:
    explicit SpectrumChart(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store) override;
    // Whether refresh() would leave the chart as it is (the spectrum changes only with the parameters).
    bool shows(const aedyn::RunResults& store) const;
    void setChartStyle(const ChartStyle& style) override;

private:
    // On screen: the longest wordings that fit the panel, and no legend where it would leave the plot no height.
    void fitWords();
    QString title_;  // the whole title, of which a small panel shows a shorter wording
    QLogValueAxis* tauAxis_;
    QLogValueAxis* rhoAxis_;
    QScatterSeries* spikes_;
    QLineSeries* bulk_;
    // The spectrum drawn, with the plot width it was decimated for: a repaint of the same draws nothing.
    std::vector<double> drawnRho_;
    double drawnBulkRho_ = -1.0;
    long drawnBulkCount_ = -1;
    int drawnWidth_ = -1;
};
