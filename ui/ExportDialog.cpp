#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

ExportDialog::ExportDialog(FigureChart chart, QWidget* parent)
    : QDialog(parent)
    , chart_(new QComboBox)
    , size_(new QComboBox)
    , width_(new QDoubleSpinBox)
    , height_(new QDoubleSpinBox)
    , dpi_(new QSpinBox)
    , titles_(new QCheckBox(tr("chart titles")))
    , font_(new QDoubleSpinBox)
    , letter_(new QLineEdit)
    , problem_(new QLabel)
    , ok_(nullptr)
{
    setWindowTitle(tr("Export figure"));
    const std::pair<FigureChart, QString> charts[] = {{FigureChart::Learning, tr("Learning curve")},
                                                      {FigureChart::Norms, tr("Weight norms")},
                                                      {FigureChart::Weights, tr("Weights and overlaps")},
                                                      {FigureChart::Spectrum, tr("Spectrum")},
                                                      {FigureChart::Dashboard, tr("All four charts")},
                                                      {FigureChart::Eigenbasis, tr("Encoders in the eigenbasis")},
                                                      {FigureChart::Biases, tr("Biases")}};
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

    titles_->setChecked(true);
    font_->setRange(kMinFigurePoints, kMaxFigurePoints);
    font_->setDecimals(1);
    font_->setSingleStep(0.5);
    font_->setValue(FigureOptions{}.fontPoints);
    font_->setSuffix(tr(" pt"));
    letter_->setMaxLength(1);
    letter_->setPlaceholderText(tr("none"));
    letter_->setToolTip(tr("A letter in the top left corner; the four charts take it and the next three"));
    problem_->setStyleSheet(QStringLiteral("color: #b00020"));
    problem_->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Chart"), chart_);
    form->addRow(tr("Size"), size_);
    form->addRow(tr("Width"), width_);
    form->addRow(tr("Height"), height_);
    form->addRow(tr("Resolution"), dpi_);
    form->addRow(tr("Titles"), titles_);
    form->addRow(tr("Font size"), font_);
    form->addRow(tr("Panel letter"), letter_);
    form->addRow(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose file…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    auto check = [this] {
        QString problem = panelLetterProblem(letter_->text().trimmed(), this->chart());
        if (problem.isEmpty())
            problem = figurePageProblem(this->chart(), options());
        problem_->setText(problem);
        problem_->setVisible(!problem.isEmpty());
        ok_->setEnabled(problem.isEmpty());
    };
    connect(letter_, &QLineEdit::textChanged, this, check);
    connect(chart_, &QComboBox::currentIndexChanged, this, check);
    for (QDoubleSpinBox* box : {width_, height_})
        connect(box, &QDoubleSpinBox::valueChanged, this, check);
    check();
}

FigureChart ExportDialog::chart() const { return static_cast<FigureChart>(chart_->currentData().toInt()); }

FigureOptions ExportDialog::options() const
{
    FigureOptions o;
    o.widthInches = width_->value();
    o.heightInches = height_->value();
    o.dpi = dpi_->value();
    o.titles = titles_->isChecked();
    o.fontPoints = font_->value();
    o.panelLetter = letter_->text().trimmed();
    return o;
}
