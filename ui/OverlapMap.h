#pragma once
// The K×M map of overlaps between each unit's encoder and the leading eigenvectors, for theory and simulation side
// by side (or one above the other, whichever fits the widget better), each at the time it names. Overlaps are
// taken within the tracked subspace (theory.md §3.10), so the frozen bulk part of a randomly initialised encoder
// does not hide what the unit has learnt; one unit, whose tracked overlap would be 1 throughout, shows the plain
// cosine and the share outside the tracked modes instead.
#include "RunResults.h"

#include <Eigen/Core>
#include <QStringList>
#include <QWidget>

#include <utility>

constexpr int kOverlapModes = 8;  // columns shown: the leading eigenvectors
constexpr int kOverlapUnits = 8;  // rows shown: the first units (64 rows would be unreadable)

class OverlapMap : public QWidget {
    Q_OBJECT
public:
    explicit OverlapMap(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store);

    // What is drawn (empty when there is nothing to draw), for tests.
    const Eigen::MatrixXd& theory() const { return theory_; }
    const Eigen::MatrixXd& simulation() const { return simulation_; }
    double theoryTime() const { return theoryTime_; }
    double simulationTime() const { return simulationTime_; }
    // Every word and number of the last painting with the box it took, in widget coordinates (for tests: none
    // overlaps another or leaves the widget).
    const QList<std::pair<QRectF, QString>>& paintedTexts() const { return painted_; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    void paintMap(QPainter& p, const QRectF& area, const Eigen::MatrixXd& m, const QStringList& titles,
                  const QString& missing, bool stale);
    // Draws the first of `wordings` that fits `box` (the last one if none does) and records it.
    void drawText(QPainter& p, const QRectF& box, const QStringList& wordings);

    Eigen::MatrixXd theory_, simulation_;
    QList<std::pair<QRectF, QString>> painted_;
    QString theoryMissing_;
    double theoryTime_ = 0.0, simulationTime_ = 0.0;
    bool bulkColumn_ = false;  // one unit: the last column is the share of w outside the tracked modes
    int units_ = 0;
    bool theoryStale_ = false, simulationStale_ = false;
};
