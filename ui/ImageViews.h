#pragma once
// What a network trained on real images has learnt, drawn as images (theory.md §8, figure 5d): the leading
// eigen-images of Ω; each unit's weights beside its best-matching eigen-image, eight units at a time; and reconstructions of a few test
// images — original | network | rank-K PCA | the first m units only | rank-m PCA — from the first SGD run at the kept
// time nearest the time cursor's, updated live during training. The tiles are painted off the GUI thread (OffThreadPainter); the widgets only show them.
#include "RunResults.h"

#include <QStringList>
#include <QWidget>

class ImageTiles;
class OffThreadPainter;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QSpinBox;
class QTabWidget;

class ImageViews : public QWidget {
    Q_OBJECT
public:
    explicit ImageViews(QWidget* parent = nullptr);
    void refresh(const aedyn::RunResults& store);
    // Figures for export: the tiles painted at once, on the calling thread.
    void paintAtOnce();
    const OffThreadPainter* painter() const { return painter_; }

    ImageTiles* units() const { return units_; }
    ImageTiles* reconstructions() const { return reconstructions_; }
    QSpinBox* partialUnits() const { return partial_; }
    // Which eight units the first tab draws (units 8p+1 … 8p+8 on page p), shown when K > 8.
    QComboBox* unitPage() const { return page_; }

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    void rebuild();
    bool onFigurePage() const;
    void showControlsOfTab();
    void fitControls();  // the shortest wordings the controls' row needs to fit the width, whole words only

    QTabWidget* tabs_;
    ImageTiles* units_;
    ImageTiles* reconstructions_;
    QComboBox* which_;
    QComboBox* page_;
    QSpinBox* partial_;
    QLabel* status_;
    QLabel* unitsLabel_ = nullptr;
    QHBoxLayout* controls_ = nullptr;
    QStringList statusTexts_;  // full and short: "first SGD run, t = 12", "t = 12"
    OffThreadPainter* painter_;
    const aedyn::RunResults* store_ = nullptr;
    quint64 drawnVersion_ = ~quint64(0);
    const double* drawnEigenvectors_ = nullptr;
    std::size_t drawnIndex_ = ~std::size_t(0);
    int pagedUnits_ = 0;  // the K the page choices were made for  // the grid index of the kept weights drawn
};
