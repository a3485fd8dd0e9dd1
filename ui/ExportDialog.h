#pragma once
// "Export figure…" (Ctrl+E): which chart, the physical size (single or double column, or custom) and the PNG
// resolution; the file name, whose extension picks PNG, SVG or PDF, is asked for next.
#include "FigureExport.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
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
};
