#include "ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>

ExportDialog::ExportDialog(FigureChart chart, QWidget* parent)
    : QDialog(parent)
    , chart_(new QComboBox)
    , size_(new QComboBox)
    , width_(new QDoubleSpinBox)
    , height_(new QDoubleSpinBox)
    , dpi_(new QSpinBox)
{
    setWindowTitle(tr("Export figure"));
    const std::pair<FigureChart, QString> charts[] = {{FigureChart::Learning, tr("Learning curve")},
                                                      {FigureChart::Norms, tr("Weight norms")},
                                                      {FigureChart::Weights, tr("Weights and overlaps")},
                                                      {FigureChart::Spectrum, tr("Spectrum")},
                                                      {FigureChart::Dashboard, tr("All four charts")}};
    for (const auto& [c, name] : charts)
        chart_->addItem(name, static_cast<int>(c));
    chart_->setCurrentIndex(chart_->findData(static_cast<int>(chart)));
    // design.md: 3.4 in single column, 7 in double.
    size_->addItem(tr("single column, 3.4 × 2.4 in"), QSizeF(3.4, 2.4));
    size_->addItem(tr("double column, 7 × 4.8 in"), QSizeF(7.0, 4.8));
    size_->addItem(tr("custom"));
    for (QDoubleSpinBox* box : {width_, height_}) {
        box->setRange(0.5, 50);
        box->setDecimals(2);
        box->setSuffix(tr(" in"));
    }
    dpi_->setRange(30, 2400);
    dpi_->setValue(300);
    dpi_->setSuffix(tr(" dpi (PNG)"));
    auto applySize = [this] {
        const QSizeF s = size_->currentData().toSizeF();
        const bool custom = !s.isValid();
        width_->setEnabled(custom);
        height_->setEnabled(custom);
        if (!custom) {
            width_->setValue(s.width());
            height_->setValue(s.height());
        }
    };
    connect(size_, &QComboBox::currentIndexChanged, this, applySize);
    size_->setCurrentIndex(chart == FigureChart::Dashboard ? 1 : 0);
    applySize();

    auto* form = new QFormLayout(this);
    form->addRow(tr("Chart"), chart_);
    form->addRow(tr("Size"), size_);
    form->addRow(tr("Width"), width_);
    form->addRow(tr("Height"), height_);
    form->addRow(tr("Resolution"), dpi_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose file…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

FigureChart ExportDialog::chart() const { return static_cast<FigureChart>(chart_->currentData().toInt()); }

FigureOptions ExportDialog::options() const
{
    FigureOptions o;
    o.widthInches = width_->value();
    o.heightInches = height_->value();
    o.dpi = dpi_->value();
    return o;
}
