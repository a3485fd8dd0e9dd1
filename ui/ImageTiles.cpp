#include "ImageTiles.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

ImageTiles::ImageTiles(QWidget* parent)
    : QWidget(parent)
{
    // Narrow enough for the image views beside the overlap map of a 1024-pixel screen (about 185 pixels): a wider
    // minimum made the tab clip the last column's captions. The captions shrink to fit their columns.
    setMinimumSize(120, 120);
}

void ImageTiles::setTiles(const QList<QList<ImageTile>>& rows, const QStringList& columnTitles)
{
    rows_ = rows;
    titles_ = columnTitles;
    update();
}

void ImageTiles::setPlaceholder(const QString& text)
{
    placeholder_ = text;
    update();
}

QImage ImageTiles::grey(const Eigen::VectorXd& v, int rows, int cols, double lo, double hi)
{
    QImage img(cols, rows, QImage::Format_Grayscale8);
    const double span = hi > lo ? hi - lo : 1.0;
    for (int r = 0; r < rows; ++r) {
        uchar* line = img.scanLine(r);
        for (int c = 0; c < cols; ++c)
            line[c] = static_cast<uchar>(std::clamp(std::lround(255.0 * (v(r * cols + c) - lo) / span), 0L, 255L));
    }
    return img;
}

QImage ImageTiles::diverging(const Eigen::VectorXd& v, int rows, int cols)
{
    QImage img(cols, rows, QImage::Format_RGB32);
    const double scale = std::max(v.cwiseAbs().maxCoeff(), 1e-300);
    // Okabe–Ito blue and vermillion at the ends, white in the middle.
    const QColor negative(0x00, 0x72, 0xB2), positive(0xD5, 0x5E, 0x00);
    for (int r = 0; r < rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(r));
        for (int c = 0; c < cols; ++c) {
            const double x = std::clamp(v(r * cols + c) / scale, -1.0, 1.0);
            const QColor& end = x < 0 ? negative : positive;
            const double a = std::abs(x);
            line[c] = qRgb(static_cast<int>(255 + a * (end.red() - 255)), static_cast<int>(255 + a * (end.green() - 255)),
                           static_cast<int>(255 + a * (end.blue() - 255)));
        }
    }
    return img;
}

void ImageTiles::paintEvent(QPaintEvent*)
{
    painted_.clear();
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int nRows = static_cast<int>(rows_.size());
    int nCols = 0;
    for (const auto& row : rows_)
        nCols = std::max(nCols, static_cast<int>(row.size()));
    if (nRows == 0 || nCols == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, placeholder_);
        return;
    }
    const QFontMetrics fm(font());
    const int gap = 6;
    // The largest square tile that lets every row, with its caption, fit.
    auto cellFor = [&](int text, int titleHeight) {
        return std::max(8, std::min((width() - gap * (nCols + 1)) / nCols,
                                    (height() - titleHeight - nRows * (text + gap) - gap) / nRows));
    };
    // A grid limited by the height leaves room across: the columns then spread out, up to what their widest title
    // or caption word needs, so that "original" or "K = 64" reads whole over a tile of 19 pixels.
    int widest = 0;
    for (const QString& t : titles_)
        widest = std::max(widest, fm.horizontalAdvance(t));
    for (const auto& row : rows_)
        for (const ImageTile& t : row)
            for (const QString& word : t.caption.split(QLatin1Char(' ')))
                widest = std::max(widest, fm.horizontalAdvance(word));
    auto pitchFor = [&](int cell) {
        return std::max(cell + gap, std::min((width() - gap) / nCols, widest + 4 + gap));
    };
    // Captions and titles wider than their column wrap onto a second line rather than being cut or running into
    // their neighbours (a narrow printed figure); the grid is then laid out with the room they need.
    const int oneLinePitch = pitchFor(cellFor(fm.height(), titles_.isEmpty() ? 0 : fm.height() + 2));
    auto linesOf = [&](const QStringList& texts) {
        for (const QString& t : texts)
            if (fm.horizontalAdvance(t) > oneLinePitch - 4)
                return 2;
        return 1;
    };
    QStringList captions;
    for (const auto& row : rows_)
        for (const ImageTile& t : row)
            captions << t.caption;
    const int text = linesOf(captions) * fm.height();
    const int titleHeight = titles_.isEmpty() ? 0 : linesOf(titles_) * fm.height() + 2;
    const int cell = cellFor(text, titleHeight);
    const int pitch = pitchFor(cell);
    // A word still wider than its column (a single-column figure of many images) is set smaller, down to 5 pt.
    auto draw = [&](const QRect& box, const QString& s) {
        const int flags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
        if (s.isEmpty())
            return;
        QFont f = font();
        for (const QString& word : s.split(QLatin1Char(' ')))
            while (QFontMetricsF(f).horizontalAdvance(word) > box.width() && f.pointSizeF() > 5)
                f.setPointSizeF(std::max(5.0, f.pointSizeF() - 0.5));
        p.setFont(f);
        painted_.append({p.boundingRect(box, flags, s), s});
        p.drawText(box, flags, s);
        p.setFont(font());
    };
    const int x0 = (width() - ((nCols - 1) * pitch + cell)) / 2;
    // Titles and captions stop two pixels short of the next column on each side: neighbours never touch ("e57e58").
    auto textBox = [&](int c, int top, int height) {
        return QRect(x0 + c * pitch + cell / 2 - (pitch - 4) / 2, top, pitch - 4, height);
    };
    p.setPen(palette().color(QPalette::Text));
    for (int c = 0; c < titles_.size() && c < nCols; ++c)
        draw(textBox(c, 0, titleHeight), titles_[c]);
    for (int r = 0; r < nRows; ++r)
        for (int c = 0; c < rows_[r].size(); ++c) {
            const ImageTile& t = rows_[r][c];
            const QRect box(x0 + c * pitch, titleHeight + gap / 2 + r * (cell + text + gap), cell, cell);
            if (!t.image.isNull()) {
                // Keep the aspect ratio of the image inside the square cell.
                const QSize s = t.image.size().scaled(box.size(), Qt::KeepAspectRatio);
                p.drawImage(QRect(box.center() - QPoint(s.width() / 2, s.height() / 2), s), t.image);
            }
            draw(textBox(c, box.bottom() + 1, text), t.caption);
        }
}
