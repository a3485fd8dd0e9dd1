#pragma once
// The K×M map of overlaps between each unit's encoder and the leading eigenvectors, for theory and simulation side
// by side. Overlaps are taken within the tracked subspace (theory.md §3.10), so the frozen bulk part of a randomly
// initialised encoder does not hide what the unit has learnt.
#include "CurveStore.h"

#include <Eigen/Core>
#include <QWidget>

class OverlapMap : public QWidget {
    Q_OBJECT
public:
    explicit OverlapMap(QWidget* parent = nullptr);
    void refresh(const CurveStore& store);

protected:
    void paintEvent(QPaintEvent*) override;

private:
    void paintMap(QPainter& p, const QRectF& area, const Eigen::MatrixXd& m, const QString& title);

    Eigen::MatrixXd theory_, simulation_;
    bool hasTheory_ = false, hasSimulation_ = false;
};
