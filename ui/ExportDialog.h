#pragma once
// "Export figure…" (Ctrl+E): which chart, the physical size (single or double column, or custom), the PNG
// resolution and the typesetting (titles, type size, panel letter); the file name, whose extension picks PNG, SVG
// or PDF, is asked for next. A bad panel letter is named under the form and keeps the dialog from going on.
#include "FigureExport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(FigureChart chart, QWidget* parent = nullptr);
    FigureChart chart() const;
    // Size and resolution as chosen (display options are the window's, filled in by the caller).
    FigureOptions options() const;

private:
    QComboBox* chart_;
    QComboBox* size_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QSpinBox* dpi_;
    QCheckBox* titles_;
    QDoubleSpinBox* font_;
    QLineEdit* letter_;
    QLabel* problem_;
    QPushButton* ok_;
};
