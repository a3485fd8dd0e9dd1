#pragma once
// A grid of small images with a caption under each and a title over each column, scaled to fit the widget with
// square pixels and no smoothing (a 28×28 image should look like 28×28 pixels). Painted directly: a tile grid
// has no axes, so a chart would only add cost.
#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <Eigen/Core>

#include <utility>

struct ImageTile {
    QImage image;
    QString caption;
};

class ImageTiles : public QWidget {
    Q_OBJECT
public:
    explicit ImageTiles(QWidget* parent = nullptr);

    // Rows of tiles; columnTitles (optional) are drawn over the first row. An empty grid shows `placeholder`.
    void setTiles(const QList<QList<ImageTile>>& rows, const QStringList& columnTitles = {});
    void setPlaceholder(const QString& text);
    const QList<QList<ImageTile>>& tiles() const { return rows_; }
    // Every caption and column title of the last painting with the box it took (for tests: none overprints another).
    const QList<std::pair<QRectF, QString>>& paintedTexts() const { return painted_; }

    // A grey image of a preprocessed input: values mapped linearly from [lo, hi] to black..white.
    static QImage grey(const Eigen::VectorXd& v, int rows, int cols, double lo, double hi);
    // A signed vector (weights, eigenvectors): blue for negative, white for 0, red for positive, scaled by max |v|.
    static QImage diverging(const Eigen::VectorXd& v, int rows, int cols);

protected:
    void paintEvent(QPaintEvent* e) override;

private:
    QList<QList<ImageTile>> rows_;
    QStringList titles_;
    QString placeholder_;
    QList<std::pair<QRectF, QString>> painted_;
};
